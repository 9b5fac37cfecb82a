using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.Apis;

public static class RebuildApi
{
    public static RouteGroupBuilder MapRebuildApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/rebuilds").RequireAuthorization(Policies.Operator);
        admin.MapPost("/", StartRebuild)
            .WithSummary("Rebuilds every read model from the event history, in the background: 202 with a status resource to follow.");
        admin.MapGet("/{id:guid}", GetRebuild).WithName(nameof(GetRebuild)).WithSummary("Progress of a rebuild.");
        return api;
    }

    public static Results<AcceptedAtRoute<RebuildStatus>, ProblemHttpResult> StartRebuild(RebuildRunner runner) =>
        runner.Start() is { } status
            ? TypedResults.AcceptedAtRoute(status, nameof(GetRebuild), new { id = status.Id })
            : TypedResults.Problem(title: "A rebuild is already running.", statusCode: StatusCodes.Status409Conflict);

    public static Results<Ok<RebuildStatus>, NotFound> GetRebuild(Guid id, RebuildRunner runner) =>
        runner.Get(id) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();
}
