using System.Security.Cryptography;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.AppHost;

/// <summary>
/// In Development, a password for the demo people and a secret for the demo system client, made afresh for each run
/// (nothing secret in the source), handed to the identity service and printed here so a newcomer can sign in at once.
/// </summary>
internal sealed record DemoAccountsNotice(string Password, string ClientSecret, string? OperatorSecret)
{
    /// <summary>The configuration key that turns the demo off in Development (the tests run without it).</summary>
    public const string Switch = "AppHost:Demo";

    /// <param name="operatorSecret">The operator client's secret when configured; otherwise one is made for this run.</param>
    public static DemoAccountsNotice Create(bool operatorSecretConfigured) =>
        new(Word() + "-" + Word() + "-" + Word(), Word() + Word() + Word() + Word(), operatorSecretConfigured ? null : Word() + Word() + Word() + Word());

    /// <summary>Six random letters and digits; three make a password of 20 characters that is on no list.</summary>
    private static string Word() => RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyz23456789", 6);

    /// <param name="webAddress">Where the web UI is (the gateway), when its port is known before the start.</param>
    public void Print(TextWriter output, string? webAddress)
    {
        if (webAddress is not null)
            output.WriteLine($"Web UI: {webAddress} (sign in with a demo account below)");
        output.WriteLine("Demo accounts (Development only; a new password each run):");
        foreach (var (email, name, _, role) in DemoAgencies.People)
            output.WriteLine($"  {email,-40} {role,-12} {name}");
        output.WriteLine($"  password for all of them: {Password}");
        output.WriteLine($"  system client (client credentials): client_id={DemoAgencies.ClientId} client_secret={ClientSecret}");
        if (OperatorSecret is not null)
            output.WriteLine($"  operator client (client credentials): client_id=platform-operator client_secret={OperatorSecret}");
    }
}
