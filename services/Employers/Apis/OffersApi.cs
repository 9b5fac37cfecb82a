using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Employers.Apis;

/// <summary>
/// Placement offers. An employer user publishes, reads and changes only its own organisation's offers (any
/// other is 404, also when publishing for another employer); agency staff work with all of them, publishing on
/// an employer's behalf.
/// </summary>
public static class OffersApi
{
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/offers").WithTags("Offers").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/", PublishOffer);
        api.MapGet("/{id:guid}", GetOffer);
        api.MapGet("/", ListOffers);
        api.MapPost("/{id:guid}/fill", FillOffer);
        api.MapPost("/{id:guid}/close", CloseOffer);
        return app;
    }

    public static async Task<Results<Created<OfferResponse>, NotFound, ValidationProblem>> PublishOffer(
        PublishOfferRequest request, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, IAuthorizationService authorization,
        CancellationToken ct)
    {
        Guid employerId;
        if (EmployerAccess.IsEmployer(user))
        {
            // An employer user publishes for its own organisation only; naming another is 404 like reading one.
            var target = request.EmployerId ?? await EmployerAccess.OwnEmployerIdAsync(user, db, ct);
            var employer = target is null ? null : await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == target, ct);
            if (!await authorization.AuthorizeAsync(user, employer))
                return TypedResults.NotFound();
            employerId = employer!.Id;
        }
        else if (request.EmployerId is not { } named)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["employerId"] = ["The employer is required."] });
        else if (!await db.Employers.AnyAsync(e => e.Id == named, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["employerId"] = [$"No employer {named} is registered."] });
        else
            employerId = named;

        var errors = new Dictionary<string, string[]>();
        if (!OccupationCode.IsValid(request.OccupationCode))
            errors["occupationCode"] = [OccupationCode.Error];
        request.AddListErrors(errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var offer = new Offer
        {
            Id = NewId.NextSequentialGuid(),
            EmployerId = employerId,
            Kind = request.Kind!.Value,
            OccupationCode = request.OccupationCode!,
            Title = request.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            MunicipalityCode = request.MunicipalityCode!,
            Places = request.Places!.Value,
            StartDate = request.StartDate!.Value,
            DurationWeeks = request.DurationWeeks,
            HoursPerWeek = request.HoursPerWeek!.Value,
            Requirements = request.Requirements?.ToModel() ?? new OfferRequirements(),
            SupervisorCapacity = request.SupervisorCapacity ?? 1,
            Adaptations = request.Adaptations?.Select(a => a.Trim()).ToList() ?? [],
            PublishedByActorId = user.GetAgencyId()!.Value,
            PublishedAt = DateTimeOffset.UtcNow,
        };
        db.Offers.Add(offer);
        db.AddIntegrationEvent(new OfferPublished
        {
            OfferId = offer.Id,
            EmployerId = offer.EmployerId,
            Kind = offer.Kind,
            OccupationCode = offer.OccupationCode,
            MunicipalityCode = offer.MunicipalityCode,
            Places = offer.Places,
            StartDate = offer.StartDate,
            PublishedByActorId = offer.PublishedByActorId,
            PublishedAt = offer.PublishedAt,
        });
        await db.SaveChangesAsync(ct);
        ETags.Set(http, offer.Version);
        return TypedResults.Created($"/api/offers/{offer.Id}", OfferResponse.From(offer));
    }

    public static async Task<Results<Ok<OfferResponse>, NotFound>> GetOffer(
        Guid id, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null || !await authorization.AuthorizeAsync(user, await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == offer.EmployerId, ct)))
            return TypedResults.NotFound();
        ETags.Set(http, offer.Version);
        return TypedResults.Ok(OfferResponse.From(offer));
    }

    /// <summary>Offers, newest first; an employer user sees only its own organisation's.</summary>
    public static async Task<Results<Ok<PagedResult<OfferResponse>>, ValidationProblem>> ListOffers(
        ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct, Guid? employerId = null, string? status = null,
        string? kind = null, string? municipality = null, string? occupation = null, int page = 1, int pageSize = 50)
    {
        if (!KebabCaseEnum.TryParse<OfferStatus>(status, out var statusFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [KebabCaseEnum.Expected<OfferStatus>()] });
        if (!KebabCaseEnum.TryParse<OfferKind>(kind, out var kindFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [KebabCaseEnum.Expected<OfferKind>()] });
        if (!string.IsNullOrEmpty(municipality) && !Municipalities.IsKnown(municipality))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = ["Not a Swedish municipality code (SCB kommunkod)."] });
        if (!string.IsNullOrEmpty(occupation) && !OccupationCode.IsValid(occupation))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["occupation"] = [OccupationCode.Error] });
        (page, pageSize) = Paging.Bound(page, pageSize);

        var query = db.Offers.AsNoTracking();
        if (EmployerAccess.IsEmployer(user))
        {
            var own = await EmployerAccess.OwnEmployerIdAsync(user, db, ct);
            query = query.Where(o => o.EmployerId == own);
        }
        if (employerId is not null) query = query.Where(o => o.EmployerId == employerId);
        if (statusFilter is not null) query = query.Where(o => o.Status == statusFilter);
        if (kindFilter is not null) query = query.Where(o => o.Kind == kindFilter);
        if (!string.IsNullOrEmpty(municipality)) query = query.Where(o => o.MunicipalityCode == municipality);
        if (!string.IsNullOrEmpty(occupation)) query = query.Where(o => o.OccupationCode == occupation);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(o => o.PublishedAt).ThenBy(o => o.Id).Page(page, pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<OfferResponse>(items.Select(OfferResponse.From).ToList(), page, pageSize, total));
    }

    /// <summary>All places taken: open → filled.</summary>
    public static Task<Results<Ok<OfferResponse>, NotFound, ProblemHttpResult>> FillOffer(
        Guid id, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, IAuthorizationService authorization, CancellationToken ct) =>
        MoveAsync(id, OfferStatus.Filled, user, http, db, authorization, ct);

    /// <summary>open or filled → closed.</summary>
    public static Task<Results<Ok<OfferResponse>, NotFound, ProblemHttpResult>> CloseOffer(
        Guid id, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, IAuthorizationService authorization, CancellationToken ct) =>
        MoveAsync(id, OfferStatus.Closed, user, http, db, authorization, ct);

    private static async Task<Results<Ok<OfferResponse>, NotFound, ProblemHttpResult>> MoveAsync(
        Guid id, OfferStatus next, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, IAuthorizationService authorization,
        CancellationToken ct)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null || !await authorization.AuthorizeAsync(user, await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == offer.EmployerId, ct)))
            return TypedResults.NotFound();
        var was = offer.Status;
        var now = DateTimeOffset.UtcNow;
        if (!offer.TryMoveTo(next, now))
            return TypedResults.Problem(
                title: "The offer cannot move to that status.",
                detail: $"An offer that is {KebabCaseEnum.Name(was)} cannot become {KebabCaseEnum.Name(next)}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["status"] = KebabCaseEnum.Name(was) });
        if (next == OfferStatus.Filled)
            db.AddIntegrationEvent(new OfferFilled { OfferId = offer.Id, EmployerId = offer.EmployerId, FilledAt = now });
        else
            db.AddIntegrationEvent(new OfferClosed { OfferId = offer.Id, EmployerId = offer.EmployerId, WasFilled = was == OfferStatus.Filled, ClosedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(
                title: "The offer changed at the same time.",
                detail: "Another change to the offer landed first: read it again and retry.",
                statusCode: StatusCodes.Status409Conflict);
        }
        ETags.Set(http, offer.Version);
        return TypedResults.Ok(OfferResponse.From(offer));
    }
}
