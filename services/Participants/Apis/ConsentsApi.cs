using MassTransit;
using Samverkan.Contracts.Participants;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;
using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Samtycke: consents per purpose and recipient actor, given and withdrawn, each published through the outbox.
/// Only those who may see the participant may record them; to anyone else the participant does not exist. Once the
/// participant is erased they stay readable and nothing is recorded any more (404, like every write).
/// </summary>
public static class ConsentsApi
{
    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/participants/{participantId:guid}/consents").WithTags("Consents").RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/", ListConsents)
            .WithSummary("Visa samtycken").WithDescription("The participant's consents, per purpose and recipient, with any withdrawal.");
        api.MapPost("/", GiveConsent)
            .WithSummary("Registrera ett samtycke").WithDescription("Records a consent for one purpose and one recipient agency, with how it was given.")
            .WithRequestExample(new { purpose = "share-action-plan", recipientActorId = Guid.Parse("0b6f0c7e-1a2d-4c3b-8e9f-5a4d3c2b1a00"), givenOn = "2026-11-09", method = "written" });
        api.MapPost("/{consentId:guid}/withdrawal", WithdrawConsent)
            .WithSummary("Återkalla ett samtycke").WithDescription("Withdraws a consent; it takes effect at once for every recipient.");
        return app;
    }

    public static async Task<Results<Ok<List<ConsentResponse>>, NotFound>> ListConsents(
        Guid participantId, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await FindVisibleAsync(participantId, user, db, authorization, ct) is null)
            return TypedResults.NotFound();
        var consents = await db.Consents.AsNoTracking().Where(c => c.ParticipantId == participantId)
            .OrderBy(c => c.GivenOn).ThenBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(consents.Select(ConsentResponse.From).ToList());
    }

    /// <summary>201 with the new consent; 200 with the active one when the same purpose and recipient are already consented to.</summary>
    public static async Task<Results<Created<ConsentResponse>, Ok<ConsentResponse>, NotFound, ValidationProblem>> GiveConsent(
        Guid participantId, GiveConsentRequest request, ClaimsPrincipal user, ParticipantsDbContext db,
        IAuthorizationService authorization, CancellationToken ct)
    {
        // Not an erased participant: its consents stay readable, but nothing new is recorded about it.
        var participant = await FindAccessibleAsync(participantId, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();
        if (request.GivenOn > Today())
            return Invalid("givenOn", "A consent cannot be given in the future.");
        if (!await db.KnownActors.AnyAsync(a => a.Id == request.RecipientActorId, ct))
            return Invalid("recipientActorId", "The recipient is not a known actor: it must be registered in Actors first.");

        var purpose = request.Purpose!.Value;
        var recipient = request.RecipientActorId!.Value;
        if (await ActiveAsync(db, participantId, purpose, recipient, ct) is { } active)
            return TypedResults.Ok(ConsentResponse.From(active));

        var consent = new Consent
        {
            Id = NewId.NextSequentialGuid(),
            ParticipantId = participantId,
            Purpose = purpose,
            RecipientActorId = recipient,
            GivenOn = request.GivenOn!.Value,
            Method = request.Method!.Value,
            RecordedBy = Who(user),
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.Consents.Add(consent);
        db.AddIntegrationEvent(consent.ToGivenEvent(participant.CollaborationId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear(); // a concurrent request recorded the same consent first
            return TypedResults.Ok(ConsentResponse.From((await ActiveAsync(db, participantId, purpose, recipient, ct))!));
        }
        return TypedResults.Created($"/api/participants/{participantId}/consents/{consent.Id}", ConsentResponse.From(consent));
    }

    /// <summary>
    /// Withdraws a consent and publishes <c>ConsentWithdrawn</c> in the same commit. Withdrawing it again changes
    /// nothing and publishes nothing.
    /// </summary>
    public static async Task<Results<Ok<ConsentResponse>, NotFound, ValidationProblem>> WithdrawConsent(
        Guid participantId, Guid consentId, WithdrawConsentRequest? request, ClaimsPrincipal user, ParticipantsDbContext db,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await FindAccessibleAsync(participantId, user, db, authorization, ct);
        var consent = participant is null ? null
            : await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId && c.ParticipantId == participantId, ct);
        if (consent is null)
            return TypedResults.NotFound();

        var on = request?.WithdrawnOn ?? Today();
        if (on > Today())
            return Invalid("withdrawnOn", "A withdrawal takes effect at once; it cannot be dated in the future.");
        if (consent.Withdraw(on, Who(user), DateTimeOffset.UtcNow, out var error))
        {
            db.AddIntegrationEvent(consent.ToWithdrawnEvent(participant!.CollaborationId));
            await db.SaveChangesAsync(ct);
        }
        else if (error is not null)
            return Invalid("withdrawnOn", error);
        return TypedResults.Ok(ConsentResponse.From(consent));
    }

    private static Task<Consent?> ActiveAsync(ParticipantsDbContext db, Guid participantId, ConsentPurpose purpose, Guid recipient, CancellationToken ct) =>
        db.Consents.AsNoTracking().FirstOrDefaultAsync(
            c => c.ParticipantId == participantId && c.Purpose == purpose && c.RecipientActorId == recipient && c.WithdrawnOn == null, ct);
}
