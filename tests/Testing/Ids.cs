using System.Text.RegularExpressions;

namespace Samverkan.Testing;

public static partial class Ids
{
    /// <summary>
    /// The text with its GUIDs replaced by "&lt;id&gt;", for searching it for part of a personnummer: a random id holds
    /// "9876" or "1981" now and then (one run in a few hundred), which is no leak.
    /// </summary>
    public static string Without(string text) => Guid().Replace(text, "<id>");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
