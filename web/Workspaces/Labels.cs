namespace Samverkan.Web.Workspaces;

/// <summary>
/// Swedish labels for the APIs' wire values (kebab-case enums), in one place so every page says the same thing.
/// An unknown value is shown as it came rather than hidden: a new value in an API shows up, untranslated, not lost.
/// </summary>
public static partial class Labels
{
    public static readonly IReadOnlyDictionary<string, string> Gender = new Dictionary<string, string>
    {
        ["woman"] = "Kvinna", ["man"] = "Man", ["non-binary"] = "Icke-binär", ["unknown"] = "Okänt",
    };

    public static string Of(IReadOnlyDictionary<string, string> labels, string? value) =>
        value is null ? "" : labels.TryGetValue(value, out var label) ? label : value;
}
