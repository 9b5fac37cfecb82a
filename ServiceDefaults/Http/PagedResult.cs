namespace Samverkan.ServiceDefaults.Http;

/// <summary>One page of a list (<see cref="Paging"/>), with the total so a client knows how many pages there are.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
