using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Apis;

/// <summary>
/// The contact log every agency shares: each call, visit or meeting with an employer, so that agencies stop
/// calling the same employer three times. Staff only; employers do not see it.
/// </summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/employers/{id:guid}/contacts").WithTags("Employer contacts").RequireAuthorization(Policies.AgencyStaff);
        api.MapPost("/", LogContact);
        api.MapGet("/", ListContacts);
        api.MapGet("/{contactId:guid}", GetContact);
        return app;
    }

    /// <summary>
    /// Logs (or, with a future date, plans) a contact for the caller's agency. 201 either way; <c>warnings</c>
    /// names each other agency with a contact within <c>Employers:ContactWindowDays</c> of the date.
    /// </summary>
    public static async Task<Results<Created<LoggedContactResponse>, NotFound, ProblemHttpResult>> LogContact(
        Guid id, LogContactRequest request, ClaimsPrincipal user, EmployersDbContext db, IOptions<EmployersOptions> options, CancellationToken ct)
    {
        if (!await db.Employers.AnyAsync(e => e.Id == id, ct))
            return TypedResults.NotFound();
        var agency = user.GetAgencyId();
        var agencyName = agency is null ? null : await db.KnownActors.Where(a => a.Id == agency).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (agencyName is null)
            return TypedResults.Problem(
                title: "Your agency is not a registered actor.",
                detail: "Contacts are logged for the agency in the token's agency claim, which must be registered in Actors.",
                statusCode: StatusCodes.Status403Forbidden);

        var window = options.Value.ContactWindowDays;
        var date = request.Date!.Value;
        var from = date.AddDays(-window);
        var to = date.AddDays(window);
        var nearby = await db.EmployerContacts.AsNoTracking()
            .Where(c => c.EmployerId == id && c.ActorId != agency && c.Date >= from && c.Date <= to)
            .Select(c => new LoggedContact(c.ActorId, c.Date))
            .ToListAsync(ct);
        var overlaps = ContactWindow.Overlaps(nearby, agency!.Value, date, window);
        var overlapIds = overlaps.Select(o => o.ActorId).ToList();
        var names = await db.KnownActors.Where(a => overlapIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var now = DateTimeOffset.UtcNow;
        var contact = new EmployerContact
        {
            Id = NewId.NextSequentialGuid(),
            EmployerId = id,
            ActorId = agency.Value,
            StaffMember = request.StaffMember!.Trim(),
            Date = date,
            Channel = request.Channel!.Value,
            Purpose = request.Purpose!.Trim(),
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            NextStep = string.IsNullOrWhiteSpace(request.NextStep) ? null : request.NextStep.Trim(),
            LoggedAt = now,
        };
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.EmployerContacts.Add(contact);
        db.AddIntegrationEvent(new ContactLogged
        {
            ContactId = contact.Id,
            EmployerId = id,
            ActorId = contact.ActorId,
            Date = contact.Date,
            Channel = contact.Channel,
            Planned = contact.Date > today,
            LoggedAt = now,
        });
        await db.SaveChangesAsync(ct);

        var warnings = overlaps.Select(o => new ContactWarning(o.ActorId, names.GetValueOrDefault(o.ActorId, ""), o.Date)).ToList();
        return TypedResults.Created($"/api/employers/{id}/contacts/{contact.Id}",
            new LoggedContactResponse(ContactResponse.From(contact, agencyName, today), warnings));
    }

    /// <summary>The employer's contacts by any agency, newest first.</summary>
    public static async Task<Results<Ok<PagedResult<ContactResponse>>, NotFound>> ListContacts(
        Guid id, EmployersDbContext db, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        if (!await db.Employers.AnyAsync(e => e.Id == id, ct))
            return TypedResults.NotFound();
        (page, pageSize) = Paging.Bound(page, pageSize);
        var query = db.EmployerContacts.AsNoTracking().Where(c => c.EmployerId == id);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.LoggedAt).ThenBy(c => c.Id)
            .Page(page, pageSize)
            .ToListAsync(ct);
        var actorIds = rows.Select(c => c.ActorId).Distinct().ToList();
        var names = await db.KnownActors.Where(a => actorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return TypedResults.Ok(new PagedResult<ContactResponse>(
            rows.Select(c => ContactResponse.From(c, names.GetValueOrDefault(c.ActorId), today)).ToList(), page, pageSize, total));
    }

    public static async Task<Results<Ok<ContactResponse>, NotFound>> GetContact(Guid id, Guid contactId, EmployersDbContext db, CancellationToken ct)
    {
        var contact = await db.EmployerContacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.EmployerId == id, ct);
        if (contact is null)
            return TypedResults.NotFound();
        var name = await db.KnownActors.Where(a => a.Id == contact.ActorId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(ContactResponse.From(contact, name, DateOnly.FromDateTime(DateTime.UtcNow)));
    }
}
