using MassTransit;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Gemensam handlingsplan: the participant's goals and steps, and each actor's commitments. Those who may see the
/// participant see and change all of it; another member agency with a commitment and a share-action-plan consent
/// sees its own commitments and moves their status; to anyone else the participant does not exist (404).
/// </summary>
public static class ActionPlanApi
{
    public static RouteGroupBuilder MapActionPlanApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/plan", GetPlan)
            .WithSummary("Visa den gemensamma handlingsplanen").WithDescription("The joint action plan: the participant's goals and steps and each agency's commitments, with what is overdue.");
        api.MapPost("/{id:guid}/plan/goals", (Guid id, AddPlanEntryRequest request, ClaimsPrincipal user, ParticipantsDbContext db,
            IAuthorizationService authorization, CancellationToken ct) => AddEntry(id, PlanEntryKind.Goal, request, user, db, authorization, ct))
            .WithSummary("Lägg till ett mål i handlingsplanen").WithDescription("Adds a goal in the participant's own words to the action plan.");
        api.MapPost("/{id:guid}/plan/steps", (Guid id, AddPlanEntryRequest request, ClaimsPrincipal user, ParticipantsDbContext db,
            IAuthorizationService authorization, CancellationToken ct) => AddEntry(id, PlanEntryKind.Step, request, user, db, authorization, ct))
            .WithSummary("Lägg till ett steg i handlingsplanen").WithDescription("Adds a step towards the goals to the action plan.");
        api.MapPost("/{id:guid}/plan/commitments", AddCommitment)
            .WithSummary("Lägg till ett åtagande").WithDescription("An agency commits an intervention from the shared catalogue, with its start and due dates.");
        api.MapPost("/{id:guid}/plan/commitments/{commitmentId:guid}/status", ChangeCommitmentStatus)
            .WithSummary("Ändra ett åtagandes status").WithDescription("Moves a commitment to started, done or cancelled.");
        api.MapGet("/commitments/overdue", ListOverdueCommitments)
            .WithSummary("Försenade åtaganden").WithDescription("The commitments past their due date that are not delivered, for the participants the caller may see.");
        return api;
    }

    public static async Task<Results<Ok<ActionPlanResponse>, NotFound>> GetPlan(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var (_, view) = await ActionPlanAccess.FindAsync(id, user, db, authorization, ct);
        if (view == PlanView.None)
            return TypedResults.NotFound();
        var agency = user.GetAgencyId();
        var commitments = await db.Set<Commitment>().AsNoTracking()
            .Where(c => c.ParticipantId == id && (view == PlanView.Full || c.ResponsibleActorId == agency))
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        var entries = view == PlanView.Full
            ? await db.Set<PlanEntry>().AsNoTracking().Where(e => e.ParticipantId == id).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync(ct)
            : [];
        return TypedResults.Ok(new ActionPlanResponse(
            id, view == PlanView.Full,
            entries.Where(e => e.Kind == PlanEntryKind.Goal).Select(PlanEntryResponse.From).ToList(),
            entries.Where(e => e.Kind == PlanEntryKind.Step).Select(PlanEntryResponse.From).ToList(),
            commitments.Select(CommitmentResponse.From).ToList()));
    }

    public static async Task<Results<Created<PlanEntryResponse>, NotFound>> AddEntry(
        Guid id, PlanEntryKind kind, AddPlanEntryRequest request, ClaimsPrincipal user, ParticipantsDbContext db,
        IAuthorizationService authorization, CancellationToken ct)
    {
        if (await FindAccessibleAsync(id, user, db, authorization, ct) is null)
            return TypedResults.NotFound();
        var entry = new PlanEntry
        {
            Id = NewId.NextSequentialGuid(),
            ParticipantId = id,
            Kind = kind,
            Text = request.Text!.Trim(),
            Track = request.Track,
            RecordedBy = Who(user),
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct); // free text about the person: never published
        return TypedResults.Created($"/api/participants/{id}/plan", PlanEntryResponse.From(entry));
    }

    /// <summary>201 with the commitment (planned), published as <c>CommitmentAdded</c>.</summary>
    public static async Task<Results<Created<CommitmentResponse>, NotFound, ValidationProblem>> AddCommitment(
        Guid id, AddCommitmentRequest request, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await FindAccessibleAsync(id, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();
        if (CommitmentRules.DateError(request.StartDate!.Value, request.DueDate!.Value, participant.StartDate) is { } dateError)
            return Invalid(dateError.Field, dateError.Message);
        if (!await db.KnownActors.AnyAsync(a => a.Id == request.ResponsibleActorId, ct))
            return Invalid("responsibleActorId", "The responsible actor is not a known actor: it must be registered in Actors first.");

        var now = DateTimeOffset.UtcNow;
        var commitment = new Commitment
        {
            Id = NewId.NextSequentialGuid(),
            ParticipantId = id,
            InterventionId = request.InterventionId,
            ResponsibleActorId = request.ResponsibleActorId!.Value,
            Track = request.Track!.Value,
            StartDate = request.StartDate.Value,
            DueDate = request.DueDate.Value,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            RecordedBy = Who(user),
            RecordedAt = now,
        };
        db.Add(commitment);
        db.AddIntegrationEvent(commitment.ToAddedEvent(participant.CollaborationId));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/participants/{id}/plan/commitments/{commitment.Id}", CommitmentResponse.From(commitment));
    }

    /// <summary>
    /// Moves a commitment: 200 with it, published as <c>CommitmentStatusChanged</c> (nothing is published when the
    /// status is already the one asked for); 409 for a move the lifecycle does not allow or a concurrent change.
    /// </summary>
    public static async Task<Results<Ok<CommitmentResponse>, NotFound, ProblemHttpResult>> ChangeCommitmentStatus(
        Guid id, Guid commitmentId, ChangeCommitmentStatusRequest request, ClaimsPrincipal user, ParticipantsDbContext db,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var (participant, view) = await ActionPlanAccess.FindAsync(id, user, db, authorization, ct);
        var commitment = view == PlanView.None ? null
            : await db.Set<Commitment>().FirstOrDefaultAsync(c => c.Id == commitmentId && c.ParticipantId == id, ct);
        // A committed agency moves only its own commitments; another's is as if it did not exist.
        if (commitment is null || (view == PlanView.Committed && commitment.ResponsibleActorId != user.GetAgencyId()))
            return TypedResults.NotFound();

        if (commitment.ChangeStatus(request.Status!.Value, DateTimeOffset.UtcNow, out var error))
        {
            db.AddIntegrationEvent(commitment.ToStatusChangedEvent(participant!.CollaborationId));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Conflict("The commitment was changed at the same time; read it again.", "status");
            }
        }
        else if (error is not null)
            return Conflict(error, "status");
        return TypedResults.Ok(CommitmentResponse.From(commitment));
    }

    /// <summary>
    /// The follow-up of referrals no system does today: commitments for which the caller's agency is responsible,
    /// past their due date on <c>asOf</c> (default today) and neither done nor cancelled, most overdue first. Only
    /// for participants the agency may see: its own referrals, or another's with a share-action-plan consent to it.
    /// </summary>
    public static async Task<Results<Ok<List<OverdueCommitmentResponse>>, ValidationProblem>> ListOverdueCommitments(
        ClaimsPrincipal user, ParticipantsDbContext db, CancellationToken ct, string? asOf = null)
    {
        if (!TryParseDate(asOf, Today(), out var date))
            return Invalid("asOf", DateFormatError);
        var day = date!.Value;
        var today = Today();
        var agency = user.GetAgencyId();
        var rows = await (
                from c in db.Set<Commitment>().AsNoTracking()
                join p in db.Participants.AsNoTracking() on c.ParticipantId equals p.Id
                where c.ResponsibleActorId == agency && c.DueDate < day
                      && (c.Status == CommitmentStatus.Planned || c.Status == CommitmentStatus.Started)
                      && !db.Set<ParticipantErasure>().Any(e => e.ParticipantId == p.Id)
                      && (p.ReferringActorId == agency
                          || db.Consents.Any(k => k.ParticipantId == p.Id && k.Purpose == ConsentPurpose.ShareActionPlan && k.RecipientActorId == agency
                                                  && k.GivenOn <= today && (k.WithdrawnOn == null || today < k.WithdrawnOn)))
                orderby c.DueDate, c.Id
                select new { Commitment = c, p.CollaborationId })
            .ToListAsync(ct);
        return TypedResults.Ok(rows
            .Select(r => new OverdueCommitmentResponse(r.CollaborationId, day.DayNumber - r.Commitment.DueDate.DayNumber, CommitmentResponse.From(r.Commitment)))
            .ToList());
    }
}
