using System.Diagnostics;
using System.Text;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>
/// A service process that can really crash: this test assembly started again as a child (see <see cref="Program"/>),
/// running only the outbox dispatcher of <see cref="MessagingHost"/> against a test's database and queues, so a test
/// can kill it with SIGKILL mid-dispatch. Nothing is stopped gracefully: no finally block, no host shutdown runs.
/// </summary>
public static class CrashChild
{
    public const string Verb = "outbox-crash-child";
    private const string RabbitMqVariable = "CRASH_CHILD_RABBITMQ";
    private const string DatabaseVariable = "CRASH_CHILD_DATABASE";
    private const string ServiceVariable = "CRASH_CHILD_SERVICE";
    /// <summary>The child ends itself after this even if the test process died without killing it.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The default batch of 500: publishing it takes long enough that the consumer sees its first rows before the
    /// batch is marked, which is the window the test kills in. A short poll, as nothing in this process signals.
    /// </summary>
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Messaging:BatchSize"] = "500",
        ["Messaging:PollInterval"] = "00:00:00.200",
        // Under load (the shared 2-core machine ran at a load of 30) 500 confirms took longer than the test hosts' 5 s.
        ["Messaging:PublishTimeout"] = "00:00:30",
    };

    public sealed class Handle(Process process, StringBuilder output) : IDisposable
    {
        public Process Process { get; } = process;
        public string Output { get { lock (output) return output.ToString(); } }

        /// <summary>SIGKILL on Linux: the process gets no chance to finish a publish, mark a row or close a connection.</summary>
        public async Task KillAsync()
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        public void Dispose()
        {
            try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // already gone
            Process.Dispose();
        }
    }

    public static Handle Start(string rabbitMq, string database, string service)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashChild).Assembly.Location);
        start.ArgumentList.Add(Verb);
        start.Environment[RabbitMqVariable] = rabbitMq;
        start.Environment[DatabaseVariable] = database;
        start.Environment[ServiceVariable] = service;
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Handle(process, output);
    }

    /// <summary>The child's side: dispatch the outbox until killed.</summary>
    public static async Task<int> RunAsync()
    {
        await MessagingHost.StartAsync(
            Environment.GetEnvironmentVariable(RabbitMqVariable)!,
            Environment.GetEnvironmentVariable(DatabaseVariable)!,
            Environment.GetEnvironmentVariable(ServiceVariable)!,
            Settings,
            consumers: _ => { }); // the test process consumes, so it can count every delivery
        Console.WriteLine("dispatching");
        await Task.Delay(Lifetime);
        return 3;
    }
}
