using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Infrastructure.Configurations;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Contacts;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Employers.Apis;

/// <summary>The shared employer register: agency staff register and update employers; an employer's own users read their record.</summary>
public static class EmployersApi
{
    public static IEndpointRouteBuilder MapEmployersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/employers").WithTags("Employers").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/", RegisterEmployer).RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/{id:guid}", GetEmployer);
        api.MapPut("/{id:guid}", UpdateEmployer).RequireAuthorization(EmployerAccess.StaffOrOperator);
        api.MapGet("/", ListEmployers);
        return app;
    }

    public static async Task<Results<Created<EmployerResponse>, ValidationProblem, ProblemHttpResult>> RegisterEmployer(
        RegisterEmployerRequest request, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OrganisationNumber.TryNormalise(request.OrganisationNumber, out var orgNumber, out var orgError))
            errors["organisationNumber"] = [orgError];
        if (!IndustryCode.TryNormalise(request.IndustryCode, out var industry, out var industryError))
            errors["industryCode"] = [industryError];
        ContactPersonRequest.AddUnreachable(request.Contacts, errors);
        var owner = request.OwnerActorId ?? user.GetAgencyId();
        await CheckActorsAsync(owner, request.ActorId, db, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        // Linking a login at registration is the same power as relinking one: else a caseworker could claim a login not
        // yet linked and lock the real employer record out of it.
        if (request.ActorId is not null && !EmployerAccess.CanManageLogins(user, owner!.Value))
            return Forbidden("actorId", "Only the owning agency's coordinators or admins link an employer's login (actorId) when registering it.");

        if (await db.Employers.AnyAsync(e => e.OrganisationNumber == orgNumber, ct))
            return Conflict("organisationNumber", $"An employer with organisationsnummer {orgNumber} is already registered.");
        if (request.ActorId is { } actorId && await db.Employers.AnyAsync(e => e.ActorId == actorId, ct))
            return Conflict("actorId", $"Actor {actorId} is already linked to another employer.");

        var employer = new Employer
        {
            Id = NewId.NextSequentialGuid(),
            OrganisationNumber = orgNumber,
            Name = request.Name!.Trim(),
            IndustryCode = industry,
            MunicipalityCode = request.MunicipalityCode!,
            SizeBand = request.SizeBand!.Value,
            Contacts = request.Contacts?.Select(c => c.ToModel()).ToList() ?? [],
            OwnerActorId = owner!.Value,
            ActorId = request.ActorId,
            RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Employers.Add(employer);
        db.AddIntegrationEvent(new EmployerRegistered
        {
            EmployerId = employer.Id,
            Name = employer.Name,
            OrganisationNumber = employer.OrganisationNumber,
            IndustryCode = employer.IndustryCode,
            MunicipalityCode = employer.MunicipalityCode,
            SizeBand = employer.SizeBand,
            OwnerActorId = employer.OwnerActorId,
            ActorId = employer.ActorId,
            RegisteredAt = employer.RegisteredAt,
            Revision = employer.Revision,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            // lost a race with a concurrent registration
            return pg.ConstraintName == EmployerConfiguration.ActorIdIndex
                ? Conflict("actorId", $"Actor {request.ActorId} is already linked to another employer.")
                : Conflict("organisationNumber", $"An employer with organisationsnummer {orgNumber} is already registered.");
        }
        ETags.Set(http, employer.Version);
        return TypedResults.Created($"/api/employers/{employer.Id}", EmployerResponse.From(employer));
    }

    public static async Task<Results<Ok<EmployerResponse>, NotFound>> GetEmployer(
        Guid id, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var employer = await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        // The operator reads the record too: it administers employer logins (actorId), and a change needs the ETag.
        if (employer is null || !(EmployerAccess.IsOperator(user) || await authorization.AuthorizeAsync(user, employer)))
            return TypedResults.NotFound();
        ETags.Set(http, employer.Version);
        return TypedResults.Ok(EmployerResponse.From(employer));
    }

    /// <summary>
    /// Replaces everything but the organisationsnummer; If-Match must carry the ETag read. Any agency's staff may, but a
    /// change of <c>actorId</c> (whose login acts for the employer) or <c>ownerActorId</c> is 403 naming the field unless
    /// <see cref="EmployerAccess.CanChangeLinkOrOwner"/> (the owning agency's coordinators or admins, the operator).
    /// </summary>
    public static async Task<Results<Ok<EmployerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateEmployer(
        Guid id, UpdateEmployerRequest request, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, CancellationToken ct)
    {
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null)
            return TypedResults.NotFound();
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != employer.Version)
            return ETags.Stale();
        if (!EmployerAccess.CanChangeLinkOrOwner(user, employer))
        {
            if (request.ActorId != employer.ActorId)
                return Forbidden("actorId", "Only the owning agency's coordinators or admins, or the operator, change which login acts for an employer.");
            if (request.OwnerActorId is { } owner && owner != employer.OwnerActorId)
                return Forbidden("ownerActorId", "Only the owning agency's coordinators or admins, or the operator, hand the relationship to another agency.");
        }

        var errors = new Dictionary<string, string[]>();
        if (!IndustryCode.TryNormalise(request.IndustryCode, out var industry, out var industryError))
            errors["industryCode"] = [industryError];
        ContactPersonRequest.AddUnreachable(request.Contacts, errors);
        await CheckActorsAsync(request.OwnerActorId, request.ActorId, db, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (request.ActorId is { } actorId && actorId != employer.ActorId && await db.Employers.AnyAsync(e => e.ActorId == actorId, ct))
            return Conflict("actorId", $"Actor {actorId} is already linked to another employer.");

        employer.Name = request.Name!.Trim();
        employer.IndustryCode = industry;
        employer.MunicipalityCode = request.MunicipalityCode!;
        employer.SizeBand = request.SizeBand!.Value;
        employer.Contacts = request.Contacts?.Select(c => c.ToModel()).ToList() ?? [];
        employer.OwnerActorId = request.OwnerActorId!.Value;
        employer.ActorId = request.ActorId;
        employer.UpdatedAt = DateTimeOffset.UtcNow;
        employer.Revision++;
        db.AddIntegrationEvent(new EmployerUpdated
        {
            EmployerId = employer.Id,
            Name = employer.Name,
            IndustryCode = employer.IndustryCode,
            MunicipalityCode = employer.MunicipalityCode,
            SizeBand = employer.SizeBand,
            OwnerActorId = employer.OwnerActorId,
            ActorId = employer.ActorId,
            UpdatedAt = employer.UpdatedAt.Value,
            Revision = employer.Revision,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflict("actorId", $"Actor {request.ActorId} is already linked to another employer.");
        }
        ETags.Set(http, employer.Version);
        return TypedResults.Ok(EmployerResponse.From(employer));
    }

    /// <summary>Staff see the whole register, filtered; an employer user sees only its own record.</summary>
    public static async Task<Results<Ok<PagedResult<EmployerResponse>>, ValidationProblem>> ListEmployers(
        ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct, string? municipality = null, string? industry = null,
        string? sizeBand = null, string? name = null, int page = 1, int pageSize = 50)
    {
        if (!string.IsNullOrEmpty(municipality) && !Municipalities.IsKnown(municipality))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = ["Not a Swedish municipality code (SCB kommunkod)."] });
        var industryCode = "";
        if (!string.IsNullOrEmpty(industry) && !IndustryCode.TryNormalise(industry, out industryCode, out var industryError))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["industry"] = [industryError] });
        if (!KebabCaseEnum.TryParse<SizeBand>(sizeBand, out var sizeFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sizeBand"] = [KebabCaseEnum.Expected<SizeBand>()] });
        (page, pageSize) = Paging.Bound(page, pageSize);

        var query = db.Employers.AsNoTracking();
        if (EmployerAccess.IsEmployer(user))
        {
            var agency = user.GetAgencyId();
            query = query.Where(e => e.ActorId != null && e.ActorId == agency);
        }
        if (!string.IsNullOrEmpty(municipality)) query = query.Where(e => e.MunicipalityCode == municipality);
        if (!string.IsNullOrEmpty(industry)) query = query.Where(e => e.IndustryCode == industryCode);
        if (sizeFilter is not null) query = query.Where(e => e.SizeBand == sizeFilter);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = "%" + name.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            query = query.Where(e => EF.Functions.ILike(e.Name, pattern));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Page(page, pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<EmployerResponse>(items.Select(EmployerResponse.From).ToList(), page, pageSize, total));
    }

    /// <summary>The owner and the employer's own actor must be actors this service has learnt of from Actors.</summary>
    private static async Task CheckActorsAsync(Guid? owner, Guid? actorId, EmployersDbContext db, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (owner is null)
            errors["ownerActorId"] = ["The owning actor is required (the caller's token names no agency)."];
        else if (!await db.KnownActors.AnyAsync(a => a.Id == owner, ct))
            errors["ownerActorId"] = [$"Actor {owner} is not a registered actor."];
        if (actorId is { } id && !await db.KnownActors.AnyAsync(a => a.Id == id, ct))
            errors["actorId"] = [$"Actor {id} is not a registered actor."];
    }

    private static ProblemHttpResult Forbidden(string field, string detail) =>
        TypedResults.Problem(
            title: "You may not change this field of the employer.",
            detail: detail,
            statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["field"] = field });

    private static ProblemHttpResult Conflict(string field, string detail) =>
        TypedResults.Problem(
            title: "The employer conflicts with one already registered.",
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
