using System.Text;

namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>
/// A bulk enrolment file cut into requests of a few rows each, so the page can show progress between them: every
/// chunk is the header line and the next rows, as they were written (the API reads the delimiter and the quoting).
/// A row ends at a line break outside quotes (RFC 4180: a quoted field may hold line breaks), and entirely empty lines
/// are skipped as the API skips them, so that row numbers count the same way.
/// </summary>
public sealed class CsvChunks
{
    public const int DefaultChunkSize = 100;

    public string? Header { get; }
    public IReadOnlyList<string> Rows { get; }

    private CsvChunks(string? header, IReadOnlyList<string> rows) => (Header, Rows) = (header, rows);

    public static CsvChunks Read(string text)
    {
        var records = Records(text.TrimStart('\uFEFF'));
        return records.Count == 0 ? new CsvChunks(null, []) : new CsvChunks(records[0], records.Skip(1).ToList());
    }

    /// <summary>The requests' bodies, each with the index of its first row in the whole file (0 = the first data row).</summary>
    public IEnumerable<(int FirstRow, string Csv)> Chunks(int size = DefaultChunkSize)
    {
        for (var start = 0; start < Rows.Count; start += size)
        {
            var body = new StringBuilder(Header).Append("\r\n");
            foreach (var row in Rows.Skip(start).Take(size))
                body.Append(row).Append("\r\n");
            yield return (start, body.ToString());
        }
    }

    private static List<string> Records(string text)
    {
        var records = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
                quoted = !quoted; // a doubled quote toggles twice: still inside
            if (!quoted && c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                Add();
                continue;
            }
            current.Append(c);
        }
        Add();
        return records;

        void Add()
        {
            if (current.Length > 0)
                records.Add(current.ToString());
            current.Clear();
        }
    }
}
