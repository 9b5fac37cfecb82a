using System.Globalization;

namespace Samverkan.Web.Workspaces;

/// <summary>
/// Numbers as Swedish readers write them (37,5 — a decimal comma), for every page. The platform runs with invariant
/// globalization (no sv-SE culture to format with), so the comma is put in here, once. Files for download keep the
/// APIs' own number format.
/// </summary>
public static class SwedishFormat
{
    public static string Number(decimal value, string format = "0.##") =>
        value.ToString(format, CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Number(double value, string format = "0.##") =>
        value.ToString(format, CultureInfo.InvariantCulture).Replace('.', ',');
}
