namespace Samverkan.Web.Workspaces.Coordinator;

/// <summary>
/// One figure as a page shows it: the number (null when the API hid it or it does not apply), the text the API
/// gave for it ("12", "&lt;5", "–"), and whether the API suppressed it. Charts and tables take the same figures,
/// so a bar and its cell cannot say different things.
/// </summary>
public sealed record Figure(decimal? Number, string Text, bool Suppressed)
{
    public static Figure Of(decimal? number) =>
        new(number, number?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "–", false);
}
