using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Samverkan.ServiceDefaults;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// The employers' pseudonym key is a secret of its own (<c>Employers:PseudonymKey</c>): outside Development the service
/// refuses to start without it rather than fall back on anything derivable.
/// </summary>
public sealed class PseudonymKeyStartupTests
{
    private static WebApplicationFactory<Program> EmployersIn(string environment, string? pseudonymKey) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            // Everything else a production start needs, so the pseudonym key is the one thing missing. Start-up must
            // fail before any connection is made, so these servers are never reached.
            builder.UseSetting($"ConnectionStrings:{ResourceNames.EmployersDb}", "Host=localhost;Port=1;Database=none;Username=none;Password=none");
            builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", "amqp://guest:guest@localhost:1");
            builder.UseSetting("Auth:Authority", "http://localhost:1/"); // never asked: start-up fails first
            builder.UseSetting("Employers:PseudonymKey", pseudonymKey ?? "");
        });

    [Fact]
    public void Start_up_fails_in_Production_without_a_pseudonym_key_naming_the_setting()
    {
        using var factory = EmployersIn("Production", pseudonymKey: null);

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Employers:PseudonymKey", Flatten(error));
    }

    private static string Flatten(Exception error) => error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
