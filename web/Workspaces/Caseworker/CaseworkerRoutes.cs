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
