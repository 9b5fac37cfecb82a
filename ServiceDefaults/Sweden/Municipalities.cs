using System.Collections.Frozen;

namespace Samverkan.ServiceDefaults.Sweden;

/// <summary>
/// SCB's list of Sweden's 290 municipalities (kommunkod → name), shipped as an embedded resource
/// (Sweden/municipalities.csv) so a code is checked against the real list, not only its shape: "0000" and
/// "1299" have four digits but no municipality.
/// </summary>
public static class Municipalities
{
    /// <summary>The shape of a kommunkod (whether it names a municipality is <see cref="IsKnown"/>), for the OpenAPI documents.</summary>
    public const string Pattern = @"^\d{4}$";

    private const string ResourceName = "Samverkan.ServiceDefaults.Sweden.municipalities.csv";

    private static readonly Lazy<FrozenDictionary<string, string>> All = new(Load);

    public static IReadOnlyDictionary<string, string> ByCode => All.Value;

    public static bool IsKnown(string? code) => code is not null && All.Value.ContainsKey(code);

    public static string? NameOf(string code) => All.Value.GetValueOrDefault(code);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Municipalities).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.ReadLine(); // header: code;name
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(';', 2);
            codes.Add(parts[0].Trim(), parts[1].Trim());
        }
        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
