namespace Samverkan.Web.Api;

/// <summary>One page of a list, as every list endpoint of the platform answers it (ServiceDefaults' PagedResult).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => PageSize <= 0 ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);
}
