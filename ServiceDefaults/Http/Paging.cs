namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Bounds <c>?page=</c> and <c>?pageSize=</c> for every list, and turns them into rows. The page is capped too: the
/// row offset (page − 1) × pageSize is an int, and an unbounded page overflowed it into a negative OFFSET (a 500). A
/// page that far out is simply empty.
/// </summary>
public static class Paging
{
    /// <summary>Lines or items per page when a request does not say.</summary>
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 1_000_000;

    public static (int Page, int PageSize) Bound(int page, int pageSize) =>
        (Math.Clamp(page, 1, MaxPage), Math.Clamp(pageSize, 1, MaxPageSize));

    /// <summary>The rows of one page of an ordered query. Bounds again, so the offset cannot overflow whatever it is given.</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> ordered, int page, int pageSize)
    {
        (page, pageSize) = Bound(page, pageSize);
        return ordered.Skip((page - 1) * pageSize).Take(pageSize);
    }
}
