namespace Samverkan.Web.Api;

/// <summary>An API call's answer: the value, or the problem to show. <see cref="ETag"/> for the pages that edit with If-Match.</summary>
public readonly record struct ApiResult<T>(T? Value, ApiProblem? Problem, string? ETag = null)
{
    public bool Succeeded => Problem is null;

    public static implicit operator ApiResult<T>(ApiProblem problem) => new(default, problem);
}
