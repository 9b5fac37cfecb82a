using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// The dead-letter view of a service (<see cref="DeadLetters"/>), for the platform operator: <c>GET {prefix}/dead-letters</c>
/// counts what waits per queue, <c>POST {prefix}/dead-letters/{queue}/requeue</c> moves it back once the cause is fixed.
/// </summary>
public static class DeadLettersApi
{
    private const int MaxPerRequest = 10_000;

    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder app, string prefix)
    {
        var api = app.MapGroup($"{prefix}/dead-letters").WithTags("Operations").RequireAuthorization(Policies.Operator);
        api.MapGet("/", List).WithSummary("Dead letters per queue");
        api.MapPost("/{queue}/requeue", Requeue).WithSummary("Move a queue's dead letters back into it");
        return app;
    }

    /// <summary>Every consumer queue of the service with the messages in its <c>_error</c> and <c>_skipped</c> queues.</summary>
    public static async Task<Ok<IReadOnlyList<DeadLetterQueue>>> List(DeadLetters deadLetters, CancellationToken ct) =>
        TypedResults.Ok(await deadLetters.ListAsync(ct));

    /// <summary>Moves up to <c>limit</c> (default and at most 10,000) messages back; 404 for a queue that is not the service's.</summary>
    public static async Task<Results<Ok<RequeueResponse>, NotFound, ValidationProblem>> Requeue(
        string queue, DeadLetters deadLetters, CancellationToken ct, int limit = MaxPerRequest)
    {
        if (limit is < 1 or > MaxPerRequest)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {MaxPerRequest}."] });
        return await deadLetters.RequeueAsync(queue, limit, ct) is { } moved
            ? TypedResults.Ok(new RequeueResponse(queue, moved))
            : TypedResults.NotFound();
    }
}

public sealed record RequeueResponse(string Queue, int Moved);
