namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>The caseworker's pages, so that links and redirects say the same path. Never an identity in a path or query.</summary>
public static class CaseworkerRoutes
{
    public const string Home = "/handlaggare";
    public const string Enrol = "/handlaggare/inskrivning";
    public const string EnrolFile = "/handlaggare/inskrivning/fil";
    public const string FollowUpsDue = "/handlaggare/uppfoljningar";
    public const string Overdue = "/handlaggare/forsenade";

    public static string Participant(Guid id, string? section = null) =>
        section is null ? $"/handlaggare/deltagare/{id}" : $"/handlaggare/deltagare/{id}/{section}";

    /// <summary>The participant's sub-pages, in the order of the sub-navigation: (path segment, title).</summary>
    public static readonly (string? Section, string Title)[] Sections =
    [
        (null, "Översikt"), ("samtycken", "Samtycken"), ("handlingsplan", "Handlingsplan"), ("timmar", "Timmar"),
        ("validering", "Validering"), ("avslut", "Avslut och uppföljning"), ("logg", "Export och logg"),
    ];
}

/// <summary>What a page says after a save and its redirect (<c>?sparat=…</c>): only these keys, never text from the URL.</summary>
public static class SavedMessages
{
    public const string Query = "sparat";

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["inskriven"] = "Deltagaren är inskriven. Var personen redan inskriven i samverkan visas den befintliga deltagaren.",
        ["samtycke"] = "Samtycket är registrerat.",
        ["aterkallat"] = "Samtycket är återkallat.",
        ["mal"] = "Målet är tillagt i handlingsplanen.",
        ["steg"] = "Steget är tillagt i handlingsplanen.",
        ["atagande"] = "Åtagandet är tillagt i handlingsplanen.",
        ["status"] = "Åtagandets status är ändrad.",
        ["timmar"] = "Timmarna är registrerade.",
        ["validering"] = "Valideringen är registrerad.",
        ["avslut"] = "Avslutet är registrerat.",
        ["uppfoljning"] = "Uppföljningen är registrerad.",
    };

    public static string? Text(string? key) => key is not null && Texts.TryGetValue(key, out var text) ? text : null;

    public static string After(string path, string key) => $"{path}?{Query}={key}";
}
