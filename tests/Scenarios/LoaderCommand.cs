using Samverkan.Testing;

namespace Samverkan.Scenarios;

/// <summary>
/// <c>dotnet run --project tests/Scenarios -- --gateway http://localhost:8080</c>: loads the FSLA scenario into
/// a running platform. Tokens come from the platform's identity service: the operator's client registers a system
/// client for each agency of the scenario, which then gets its tokens with client credentials.
/// </summary>
internal static class LoaderCommand
{
    private const string Usage = """
        Loads the FSLA scenario (437 participants, 414 exits) into a running platform through its gateway.

        Usage: dotnet run --project tests/Scenarios -- [options]
          --gateway <url>       the gateway (default http://localhost:8080)
          --seed <n>            the dataset's seed (default 20230131)
          --parallelism <n>     requests in flight (default 8)
          --no-validations      leave out the 84 OCN validations
          --operator-secret <s> the operator client's secret (or Identity__Operator__ClientSecret; a
                                development run prints it at start)
          -h, --help            this text
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = new Uri("http://localhost:8080");
        var options = new FslaLoaderOptions { Progress = Console.Out };
        var operatorSecret = Environment.GetEnvironmentVariable("Identity__Operator__ClientSecret");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--gateway": gateway = new Uri(Value()); break;
                    case "--seed": options = options with { Seed = int.Parse(Value()) }; break;
                    case "--parallelism": options = options with { Parallelism = Math.Clamp(int.Parse(Value()), 1, 64) }; break;
                    case "--no-validations": options = options with { Validations = false }; break;
                    case "--operator-secret": operatorSecret = Value(); break;
                    case "-h" or "--help": Console.Out.WriteLine(Usage); return 0;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }

        if (string.IsNullOrEmpty(operatorSecret))
        {
            Console.Error.WriteLine("Give the operator client's secret: --operator-secret or Identity__Operator__ClientSecret.");
            return 2;
        }
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new PlatformTokens(http, "platform-operator", operatorSecret);
        using var api = new GatewayClient(http, tokens.TokenForAsync);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            await new FslaLoader(api, options).LoadAsync(cancel.Token);
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Stopped. Run again to finish: what is loaded is found and kept.");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
