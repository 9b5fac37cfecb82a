using Samverkan.Web.Api;

namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>
/// Names for the ids the participant APIs answer with: the actors the Participants service knows (agencies) and the
/// collaborations the caller's agency is a member of. Read a page of the largest size at a time until all are in.
/// </summary>
public static class CaseworkerLookups
{
    private const int PageSize = 200;
    private const int MaxPages = 10; // 2 000 actors or collaborations is far beyond a region's; stop rather than loop forever

    public static Task<ApiResult<List<KnownActorDto>>> ActorsAsync(GatewayApi api, CancellationToken ct = default) =>
        AllAsync<KnownActorDto>(api, "/api/participants/actors", ct);

    public static Task<ApiResult<List<CollaborationDto>>> CollaborationsAsync(GatewayApi api, CancellationToken ct = default) =>
        AllAsync<CollaborationDto>(api, "/api/collaborations", ct);

    private static async Task<ApiResult<List<T>>> AllAsync<T>(GatewayApi api, string path, CancellationToken ct)
    {
        var all = new List<T>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var result = await api.GetAsync<Paged<T>>($"{path}?page={page}&pageSize={PageSize}", ct);
            if (result.Problem is { } problem)
                return problem;
            all.AddRange(result.Value!.Items);
            if (page >= result.Value.Pages)
                break;
        }
        return new ApiResult<List<T>>(all, null);
    }

    public static string NameOf(IReadOnlyDictionary<Guid, string> names, Guid id) =>
        names.TryGetValue(id, out var name) ? name : id.ToString();
}
