namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>A file's enrolment as it goes: the rows' results so far, numbered in the whole file.</summary>
public sealed class BulkEnrolment(int total)
{
    /// <summary>Rows per request: small enough that progress moves every second or two.</summary>
    public const int ChunkSize = CsvChunks.DefaultChunkSize;

    public int Total { get; } = total;
    public List<BulkRowDto> Rows { get; } = [];
    public int Processed => Rows.Count;
    public int Created => Rows.Count(r => r.Status == "created");
    public int AlreadyEnrolled => Rows.Count(r => r.Status == "already-enrolled");
    public int Rejected => Rows.Count(r => r.Status == "rejected");
    public bool Done { get; set; }

    /// <summary>One chunk's answer; its row indexes count from the chunk's first row.</summary>
    public void Add(int firstRow, BulkEnrolmentDto answer) =>
        Rows.AddRange(answer.Rows.OrderBy(r => r.Index).Select(r => r with { Index = firstRow + r.Index }));
}
