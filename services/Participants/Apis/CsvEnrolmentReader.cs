using System.Text;
using System.Text.Json.Nodes;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Reads a bulk enrolment CSV (RFC 4180: quoted fields may hold the delimiter, quotes and line breaks; <c>""</c> is
/// a quote) into one JSON object per data row, shaped like <see cref="EnrolParticipantRequest"/>, so that CSV and
/// JSON rows go through the same binding and validation. A header row names the columns (any order, case-insensitive);
/// the delimiter is a comma, or a semicolon when the header has more of those (as Swedish spreadsheets write).
/// An empty cell is an absent value. Target groups are separated by <c>|</c>.
/// </summary>
public static class CsvEnrolmentReader
{
    public const char ListSeparator = '|';

    /// <summary>The columns, as named in the header; the same names as the JSON properties.</summary>
    public static readonly string[] Columns =
    [
        "collaborationId", "personalIdentityNumber", "withoutNumber", "name", "gender", "birthDate", "municipalityCode",
        "referringActorId", "referralDate", "targetGroups", "benefitAtStart", "labourMarketStatus", "educationLevel", "startDate",
    ];

    /// <summary>One data row: its object, or why it could not be read at all (a wrong number of fields).</summary>
    public sealed record Row(JsonObject? Value, Dictionary<string, string[]>? Errors);

    /// <summary>
    /// The rows, or an error about the file as a whole (no header, an unknown or repeated column). An unknown header
    /// cell is named by position, never echoed: a file sent without its header would have a person's number there.
    /// </summary>
    public static bool TryRead(string text, out List<Row> rows, out Dictionary<string, string[]>? error)
    {
        rows = [];
        error = null;
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = Parse(text, delimiter);
        if (records.Count == 0)
        {
            error = new() { ["header"] = [$"The CSV needs a header row naming its columns: {string.Join(", ", Columns)}."] };
            return false;
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        var names = new List<string>(header.Count);
        for (var index = 0; index < header.Count; index++)
        {
            var column = header[index];
            var name = Columns.FirstOrDefault(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
            if (name is null || names.Contains(name))
            {
                error = new()
                {
                    ["header"] = [name is null
                        ? $"Column {index + 1} of the header is not one of: {string.Join(", ", Columns)}."
                        : $"Column '{name}' appears twice."],
                };
                return false;
            }
            names.Add(name);
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Count != names.Count)
            {
                rows.Add(new Row(null, new() { ["row"] = [$"Expected {names.Count} fields as in the header, found {record.Count}."] }));
                continue;
            }
            var value = new JsonObject();
            for (var i = 0; i < names.Count; i++)
            {
                var cell = record[i].Trim();
                if (cell.Length == 0)
                    continue;
                value[names[i]] = names[i] == "targetGroups"
                    ? new JsonArray(cell.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(t => (JsonNode?)JsonValue.Create(t)).ToArray())
                    : JsonValue.Create(cell);
            }
            rows.Add(new Row(value, null));
        }
        return true;
    }

    /// <summary>RFC 4180 records; lines that are entirely empty are skipped.</summary>
    internal static List<List<string>> Parse(string text, char delimiter)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;

        void EndField()
        {
            record.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }
        void EndRecord()
        {
            if (record.Count > 0 || fieldStarted || field.Length > 0)
            {
                EndField();
                if (!(record.Count == 1 && record[0].Length == 0))
                    records.Add(record);
            }
            record = [];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    quoted = false;
            }
            else if (c == '"')
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                fieldStarted = true;
                EndField();
                fieldStarted = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                EndRecord();
            }
            else if (c != '\uFEFF')
            {
                field.Append(c);
                fieldStarted = true;
            }
        }
        EndRecord();
        return records;
    }
}
