namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// A development run's demo, named here once so that the identity service's accounts, the Actors service's demo
/// actors and what the AppHost prints at start are the same: two agencies and an employer, a person in each role,
/// and one system client. Never seeded outside Development; the password and the client secret are made per run.
/// </summary>
public static class DemoAgencies
{
    public static readonly Guid EmploymentService = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly Guid Municipality = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    public static readonly Guid Employer = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    public const string Domain = "demo.samverkan.se";
    public const string ClientId = "demo-system";

    public static readonly (string Email, string Name, Guid Agency, string Role)[] People =
    [
        ($"handlaggare.af@{Domain}", "Hanna Handläggare (Arbetsförmedlingen)", EmploymentService, Roles.Caseworker),
        ($"samordnare.af@{Domain}", "Sam Samordnare (Arbetsförmedlingen)", EmploymentService, Roles.Coordinator),
        ($"admin.af@{Domain}", "Ada Admin (Arbetsförmedlingen)", EmploymentService, Roles.Admin),
        ($"handlaggare.kommun@{Domain}", "Kim Handläggare (kommunen)", Municipality, Roles.Caseworker),
        ($"samordnare.kommun@{Domain}", "Kari Samordnare (kommunen)", Municipality, Roles.Coordinator),
        ($"arbetsgivare@{Domain}", "Erik Arbetsgivare (Demo Bygg AB)", Employer, Roles.Employer),
        ($"drift@{Domain}", "Dana Drift (plattformen)", Guid.Empty, Roles.Operator),
    ];
}
