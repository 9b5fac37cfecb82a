using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Contacts;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Sweden;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Actors.Apis;

public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/actors").WithTags("Actors").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/", RegisterActor).RequireAuthorization(Policies.AgencyStaff)
            .WithRequestExample(new { name = "Kalmar kommun, arbetsmarknadsenheten", organisationNumber = "212000-0829", sector = "public", kind = "municipality", municipalityCode = "0880" });
        api.MapGet("/{id:guid}", GetActor);
        api.MapPut("/{id:guid}", UpdateActor).RequireAuthorization(Policies.Coordinator);
        api.MapGet("/", ListActors);
        return app;
    }

    public static async Task<Results<Created<ActorResponse>, ValidationProblem, ProblemHttpResult>> RegisterActor(
        RegisterActorRequest request, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        if (!OrganisationNumber.TryNormalise(request.OrganisationNumber, out var orgNumber, out var error))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["organisationNumber"] = [error] });
        if (ContactPersonRequest.Unreachable(request.Contacts) is { Count: > 0 } contactErrors)
            return TypedResults.ValidationProblem(contactErrors);

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
            Contacts = request.Contacts?.Select(c => c.ToModel()).ToList() ?? [],
            RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Actors.Add(actor);
        db.AddIntegrationEvent(RegisteredEvent(actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Duplicate(orgNumber); // lost a race with a concurrent registration of the same number
        }
        ETags.Set(http, actor.Version);
        return TypedResults.Created($"/api/actors/{actor.Id}", ActorResponse.From(actor));
    }

    /// <summary>What the other services learn of a newly registered actor.</summary>
    public static ActorRegistered RegisteredEvent(Actor actor) => new()
    {
        ActorId = actor.Id,
        Name = actor.Name,
        OrganisationNumber = actor.OrganisationNumber,
        Sector = actor.Sector,
        Kind = actor.Kind,
        MunicipalityCode = actor.MunicipalityCode,
        RegisteredAt = actor.RegisteredAt,
        Revision = actor.Revision,
    };

    /// <summary>The actor's current public facts, as an update or as the answer to a replay request.</summary>
    public static ActorUpdated UpdatedEvent(Actor actor) => new()
    {
        ActorId = actor.Id,
        Name = actor.Name,
        OrganisationNumber = actor.OrganisationNumber,
        Sector = actor.Sector,
        Kind = actor.Kind,
        MunicipalityCode = actor.MunicipalityCode,
        UpdatedAt = actor.UpdatedAt ?? actor.RegisteredAt,
        Revision = actor.Revision,
    };

    public static async Task<Results<Ok<ActorResponse>, NotFound>> GetActor(
        Guid id, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var actor = await db.Actors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (actor is null)
            return TypedResults.NotFound();
        ETags.Set(http, actor.Version);
        return TypedResults.Ok(ActorResponse.From(actor, withContacts: !user.IsInRole(Roles.Employer)));
    }

    /// <summary>
    /// Replaces name, sector, kind, municipality and contacts. An actor's own coordinators and admins may do
    /// it; If-Match must carry the ETag of the version the change was based on.
    /// </summary>
    public static async Task<Results<Ok<ActorResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateActor(
        Guid id, UpdateActorRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (actor is null)
            return TypedResults.NotFound();
        if (!CollaborationAccess.SpeaksFor(user.GetRole(), user.GetAgencyId(), actor.Id))
            return TypedResults.Forbid();
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != actor.Version)
            return ETags.Stale();
        if (ContactPersonRequest.Unreachable(request.Contacts) is { Count: > 0 } contactErrors)
            return TypedResults.ValidationProblem(contactErrors);

        actor.Name = request.Name!.Trim();
        actor.Sector = request.Sector!.Value;
        actor.Kind = request.Kind!.Value;
        actor.MunicipalityCode = request.MunicipalityCode;
        actor.Contacts = request.Contacts?.Select(c => c.ToModel()).ToList() ?? [];
        actor.UpdatedAt = DateTimeOffset.UtcNow;
        actor.Revision++;
        db.AddIntegrationEvent(UpdatedEvent(actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale(); // another write landed between our read and our update
        }
        ETags.Set(http, actor.Version);
        return TypedResults.Ok(ActorResponse.From(actor));
    }

    public static async Task<Results<Ok<PagedResult<ActorResponse>>, ValidationProblem>> ListActors(
        ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct, string? sector = null, string? kind = null,
        string? municipality = null, string? name = null, int page = 1, int pageSize = 50)
    {
        if (!KebabCaseEnum.TryParse<ActorSector>(sector, out var sectorFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sector"] = [KebabCaseEnum.Expected<ActorSector>()] });
        if (!KebabCaseEnum.TryParse<ActorKind>(kind, out var kindFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [KebabCaseEnum.Expected<ActorKind>()] });
        if (!string.IsNullOrEmpty(municipality) && !Municipalities.IsKnown(municipality))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = ["Not a Swedish municipality code (SCB kommunkod)."] });
        (page, pageSize) = Paging.Bound(page, pageSize);
        var query = db.Actors.AsNoTracking();
        if (sectorFilter is not null) query = query.Where(a => a.Sector == sectorFilter);
        if (kindFilter is not null) query = query.Where(a => a.Kind == kindFilter);
        if (!string.IsNullOrEmpty(municipality)) query = query.Where(a => a.MunicipalityCode == municipality);
        if (!string.IsNullOrWhiteSpace(name))
        {
            // Case-insensitive "contains"; the user's % and _ are literal, not wildcards.
            var pattern = "%" + name.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            query = query.Where(a => EF.Functions.ILike(a.Name, pattern));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Page(page, pageSize).ToListAsync(ct);
        var withContacts = !user.IsInRole(Roles.Employer);
        return TypedResults.Ok(new PagedResult<ActorResponse>(items.Select(a => ActorResponse.From(a, withContacts)).ToList(), page, pageSize, total));
    }

    private static ProblemHttpResult Duplicate(string orgNumber) =>
        TypedResults.Problem(
            title: "An actor with this organisationsnummer is already registered.",
            detail: $"organisationNumber {orgNumber} is taken.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["field"] = "organisationNumber" });
}
