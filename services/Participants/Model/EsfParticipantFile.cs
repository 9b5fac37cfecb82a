using System.Globalization;
using System.Text;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Participants.Model;

/// <summary>
/// The monthly participant file an ESF+ project owner sends for follow-up (deltagarfil): one row per participant
/// active at some point in the month, with the identity number, start and end dates, the facts at entry, the hours
/// in the month and the exit outcome. The format and its sources: docs/esf-participant-file.md.
/// </summary>
public static class EsfParticipantFile
{
    /// <summary>The columns, in order; the document describes each.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "identitetsnummer", "identitetstyp", "kon", "kommun", "startdatum", "slutdatum",
        "arbetsmarknadsstatus_vid_start", "utbildningsniva_vid_start", "ersattning_vid_start",
        "timmar_i_manaden", "utfall_vid_avslut", "kvalifikation_vid_avslut",
    ];

    /// <summary>One participant's row; <see cref="Number"/> holds twelve digits or is null (no number, protected identity).</summary>
    public sealed record Row(
        string? Number, IdentityKind IdentityKind, Gender Gender, string MunicipalityCode, DateOnly StartDate,
        LabourMarketStatus LabourMarketStatus, EducationLevel EducationLevel, BenefitType Benefit,
        decimal HoursInMonth, ParticipantExit? Exit);

    /// <summary>Whether a participant who started on <paramref name="start"/> and left on <paramref name="exit"/> took part in the month.</summary>
    public static bool ActiveIn(DateOnly month, DateOnly start, DateOnly? exit) =>
        start <= LastDay(month) && (exit is null || exit >= month);

    public static DateOnly LastDay(DateOnly month) => month.AddMonths(1).AddDays(-1);

    /// <summary>Semicolon-separated UTF-8 with a byte order mark, CRLF lines, a header line; rows in start-date order.</summary>
    public static byte[] Write(DateOnly month, IEnumerable<Row> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', Columns).Append("\r\n");
        foreach (var row in rows.OrderBy(r => r.StartDate).ThenBy(r => r.Number, StringComparer.Ordinal))
        {
            // An exit after the month is not yet an exit in this month's file.
            var exit = row.Exit is { } e && e.ExitDate <= LastDay(month) ? e : null;
            sb.AppendJoin(';',
            [
                row.Number ?? "",
                KebabCaseEnum.Name(row.IdentityKind),
                KebabCaseEnum.Name(row.Gender),
                row.MunicipalityCode,
                Date(row.StartDate),
                exit is null ? "" : Date(exit.ExitDate),
                KebabCaseEnum.Name(row.LabourMarketStatus),
                KebabCaseEnum.Name(row.EducationLevel),
                KebabCaseEnum.Name(row.Benefit),
                row.HoursInMonth.ToString("0.##", CultureInfo.InvariantCulture),
                exit is null ? "" : KebabCaseEnum.Name(exit.Outcome),
                exit is null ? "" : exit.GainedQualification ? "ja" : "nej",
            ]).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
