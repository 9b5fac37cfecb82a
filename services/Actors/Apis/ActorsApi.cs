using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Apis;

public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/actors").WithTags("Actors").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/", RegisterActor).RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/{id:guid}", GetActor);
        api.MapGet("/", ListActors);
        return app;
    }

    public static async Task<Results<Created<ActorResponse>, ValidationProblem, ProblemHttpResult>> RegisterActor(
        RegisterActorRequest request, ActorsDbContext db, CancellationToken ct)
    {
        if (!OrganisationNumber.TryNormalise(request.OrganisationNumber, out var orgNumber, out var error))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["organisationNumber"] = [error] });

        if (await db.Actors.AnyAsync(a => a.OrganisationNumber == orgNumber, ct))
            return Duplicate(orgNumber);

        var actor = new Actor
        {
            Id = NewId.NextSequentialGuid(),
            Name = request.Name!.Trim(),
            OrganisationNumber = orgNumber,
            Sector = request.Sector!.Value,
            Kind = request.Kind!.Value,
            MunicipalityCode = request.MunicipalityCode,
            RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Actors.Add(actor);
        db.AddIntegrationEvent(new ActorRegistered
        {
            ActorId = actor.Id,
            Name = actor.Name,
            OrganisationNumber = actor.OrganisationNumber,
            Sector = actor.Sector,
            Kind = actor.Kind,
            MunicipalityCode = actor.MunicipalityCode,
            RegisteredAt = actor.RegisteredAt,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Duplicate(orgNumber); // lost a race with a concurrent registration of the same number
        }
        return TypedResults.Created($"/api/actors/{actor.Id}", ActorResponse.From(actor));
    }

    public static async Task<Results<Ok<ActorResponse>, NotFound>> GetActor(Guid id, ActorsDbContext db, CancellationToken ct)
    {
        var actor = await db.Actors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return actor is null ? TypedResults.NotFound() : TypedResults.Ok(ActorResponse.From(actor));
    }

    public static async Task<Results<Ok<PagedResult<ActorResponse>>, ValidationProblem>> ListActors(
        ActorsDbContext db, CancellationToken ct, string? sector = null, string? kind = null, string? municipality = null,
        int page = 1, int pageSize = 50)
    {
        if (!KebabCaseEnum.TryParse<ActorSector>(sector, out var sectorFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sector"] = [KebabCaseEnum.Expected<ActorSector>()] });
        if (!KebabCaseEnum.TryParse<ActorKind>(kind, out var kindFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [KebabCaseEnum.Expected<ActorKind>()] });
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Actors.AsNoTracking();
        if (sectorFilter is not null) query = query.Where(a => a.Sector == sectorFilter);
        if (kindFilter is not null) query = query.Where(a => a.Kind == kindFilter);
        if (municipality is not null) query = query.Where(a => a.MunicipalityCode == municipality);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ActorResponse>(items.Select(ActorResponse.From).ToList(), page, pageSize, total));
    }

    private static ProblemHttpResult Duplicate(string orgNumber) =>
        TypedResults.Problem(
            title: "An actor with this organisationsnummer is already registered.",
            detail: $"organisationNumber {orgNumber} is taken.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["field"] = "organisationNumber" });
}
