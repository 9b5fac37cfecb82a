using MassTransit;
using Npgsql;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Apis;

public enum EnrolmentStatus
{
    Created = 1,
    /// <summary>The same person (same keyed hash) is already enrolled in the collaboration: the existing participant.</summary>
    AlreadyEnrolled = 2,
    Rejected = 3,
    /// <summary>The caller named another agency than its own as the referring actor (403 for a single enrolment).</summary>
    Forbidden = 4,
    /// <summary>
    /// The same person is enrolled in the collaboration in a record the caller may not see: 409 that names no one and
    /// does not say whose the record is (<see cref="Enrolment.NotEnrollableTitle"/>).
    /// </summary>
    NotEnrollable = 5,
}

/// <summary>What became of one enrolment request. <see cref="Participant"/> is set for created and already-enrolled.</summary>
public sealed record EnrolmentOutcome(EnrolmentStatus Status, Participant? Participant = null, Dictionary<string, string[]>? Errors = null);

/// <summary>
/// The one enrolment path, for a single request and for a batch alike: validate each request, look up what the
/// checks need for the whole batch in a few queries (known actors, known collaborations, memberships, existing
/// participants by keyed hash), then write the new participants (one COPY) and their ParticipantEnrolled events in
/// one transaction. A rejected request adds nothing. A match on the keyed hash is an identifying lookup: each one is
/// written to the audit log, whatever the answer.
/// </summary>
public sealed class Enrolment(ParticipantsDbContext db, IdentityProtector protector, IAuthorizationService authorization)
{
    /// <summary>The answer when the person is enrolled where the caller may not see: the same whoever's record it is.</summary>
    public const string NotEnrollableTitle = "This person cannot be enrolled in this collaboration now.";

    /// <summary>The reason written to the audit log for a match on the lookup hash.</summary>
    public const string LookupReason = "Enrolment: the personal identity number matched an enrolled participant";

    // A concurrent enrolment of the same person can win the unique index between our lookup and our insert;
    // the batch is then looked up again (the winner is now "already enrolled") and saved again.
    private const int SaveAttempts = 3;

    public async Task<List<EnrolmentOutcome>> EnrolAsync(IReadOnlyList<EnrolParticipantRequest> requests, ClaimsPrincipal user, CancellationToken ct)
    {
        var candidates = requests.Select(r => EnrolmentRules.Check(r, user)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var (outcomes, created, matched) = await DecideAsync(candidates, user, ct);
            try
            {
                await SaveAsync(created, ct);
                await IdentifyingReads.AuditAsync(db, user, matched, LookupReason, ct);
                return outcomes;
            }
            catch (Exception ex) when (ParticipantRecords.IsUniqueViolation(ex) && attempt < SaveAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The participants by COPY and their events through the outbox, in one transaction. The events are the only
    /// tracked entities and are not changed after being added, so change detection (a scan of every tracked entity,
    /// once by SaveChanges and once by the outbox's interceptor) is skipped.
    /// </summary>
    private async Task SaveAsync(List<Participant> created, CancellationToken ct)
    {
        if (created.Count == 0)
            return;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await ParticipantCopy.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), created, ct);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
                await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <returns>The outcomes, the participants to create, and the existing participants the lookup hash matched.</returns>
    private async Task<(List<EnrolmentOutcome> Outcomes, List<Participant> Created, List<Guid> Matched)> DecideAsync(
        List<EnrolmentCandidate> candidates, ClaimsPrincipal user, CancellationToken ct)
    {
        // The keyed hash once per candidate: the lookup and the new participant both need it.
        var hashes = candidates.Select(c => c.Number is null ? null : protector.LookupHash(c.Number)).ToList();
        var valid = candidates.Select((c, i) => (Candidate: c, Hash: hashes[i])).Where(x => x.Candidate.Errors.Count == 0 && !x.Candidate.Forbidden).ToList();
        var facts = await EnrolmentFacts.LoadAsync(db, valid.Select(x => (x.Candidate.Request.CollaborationId!.Value, x.Candidate.ReferringActorId!.Value,
            x.Hash)).ToList(), ct);

        var outcomes = new List<EnrolmentOutcome>(candidates.Count);
        var created = new List<Participant>(valid.Count);
        var matched = new List<Guid>();
        var addedInBatch = new Dictionary<(Guid, string), Participant>();
        var now = DateTimeOffset.UtcNow;
        var enrolledBy = ParticipantRecords.Who(user);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            if (candidate.Forbidden)
            {
                outcomes.Add(new EnrolmentOutcome(EnrolmentStatus.Forbidden,
                    Errors: new() { ["referringActorId"] = ["Only your own agency can be the referring actor."] }));
                continue;
            }
            // A fresh dictionary for the database checks: a retry after a lost race decides again from the checks that need none.
            var errors = candidate.Errors.Count == 0 ? new Dictionary<string, string[]>() : candidate.Errors;
            var request = candidate.Request;
            if (errors.Count == 0)
                facts.Check(request.CollaborationId!.Value, candidate.ReferringActorId!.Value, request.ReferralDate!.Value, errors);
            if (errors.Count > 0)
            {
                outcomes.Add(new EnrolmentOutcome(EnrolmentStatus.Rejected, Errors: errors));
                continue;
            }

            var collaborationId = request.CollaborationId!.Value;
            var hash = hashes[i];
            var key = hash is null ? default : (collaborationId, Convert.ToHexString(hash));
            if (hash is not null && facts.Existing(collaborationId, hash) is { } existing)
            {
                matched.Add(existing.Id);
                outcomes.Add(await AlreadyEnrolledAsync(existing, user));
                continue;
            }
            if (hash is not null && addedInBatch.GetValueOrDefault(key) is { } sameBatch)
            {
                outcomes.Add(new EnrolmentOutcome(EnrolmentStatus.AlreadyEnrolled, sameBatch)); // the caller's own row of this batch
                continue;
            }

            var participant = EnrolmentRules.NewParticipant(candidate, NewId.NextSequentialGuid(), protector, hash, now, enrolledBy);
            created.Add(participant);
            db.AddIntegrationEvent(participant.ToEnrolledEvent());
            if (hash is not null)
                addedInBatch[key] = participant;
            outcomes.Add(new EnrolmentOutcome(EnrolmentStatus.Created, participant));
        }
        return (outcomes, created, matched);
    }

    /// <summary>
    /// A re-enrolment: the existing participant (first start date kept) for those who may see it; for anyone else
    /// nothing of it, not even whose it is.
    /// </summary>
    private async Task<EnrolmentOutcome> AlreadyEnrolledAsync(Participant existing, ClaimsPrincipal user) =>
        await AccessibleParticipants.MaySeeAsync(user, existing, authorization)
            ? new EnrolmentOutcome(EnrolmentStatus.AlreadyEnrolled, existing)
            : new EnrolmentOutcome(EnrolmentStatus.NotEnrollable, Errors: new() { ["personalIdentityNumber"] = [NotEnrollableTitle] });
}

/// <summary>The lookups enrolment needs, made once for a whole batch.</summary>
internal sealed class EnrolmentFacts
{
    private HashSet<Guid> _actors = [];
    private HashSet<Guid> _collaborations = [];
    private ILookup<(Guid, Guid), MembershipChange> _memberships = Array.Empty<MembershipChange>().ToLookup(m => (m.CollaborationId, m.ActorId));
    private Dictionary<(Guid, string), Participant> _existing = [];

    public static async Task<EnrolmentFacts> LoadAsync(ParticipantsDbContext db, List<(Guid Collaboration, Guid Actor, byte[]? Hash)> wanted, CancellationToken ct)
    {
        var facts = new EnrolmentFacts();
        if (wanted.Count == 0)
            return facts;
        var collaborations = wanted.Select(w => w.Collaboration).Distinct().ToList();
        var actors = wanted.Select(w => w.Actor).Distinct().ToList();
        var hashes = wanted.Where(w => w.Hash is not null).Select(w => w.Hash!).ToList();

        facts._actors = (await db.KnownActors.Where(a => actors.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        facts._collaborations = (await db.KnownCollaborations.Where(c => collaborations.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        facts._memberships = (await db.MembershipChanges.AsNoTracking()
                .Where(m => collaborations.Contains(m.CollaborationId) && actors.Contains(m.ActorId)).ToListAsync(ct))
            .ToLookup(m => (m.CollaborationId, m.ActorId));
        if (hashes.Count > 0)
            facts._existing = (await db.Participants.AsNoTracking()
                    .Where(p => collaborations.Contains(p.CollaborationId) && hashes.Contains(p.NumberLookupHash!)).ToListAsync(ct))
                .ToDictionary(p => (p.CollaborationId, Convert.ToHexString(p.NumberLookupHash!)));
        return facts;
    }

    /// <summary>
    /// The referring actor must be known; the collaboration must be one Actors told us of; and the referring actor
    /// must have been a member of it on the referral date (a 400 naming the field, not a 403: it is the data that is
    /// wrong, whoever sends it, and a batch reports it per row).
    /// </summary>
    public void Check(Guid collaborationId, Guid referringActorId, DateOnly referralDate, Dictionary<string, string[]> errors)
    {
        if (!_actors.Contains(referringActorId))
            errors["referringActorId"] = ["The referring actor is not a known actor: it must be registered in Actors first."];
        if (!_collaborations.Contains(collaborationId))
            errors["collaborationId"] = ["No such collaboration: it must be created in Actors first."];
        else if (!errors.ContainsKey("referringActorId") && !Membership.IsMemberOn(_memberships[(collaborationId, referringActorId)], referralDate))
            errors["referringActorId"] = [$"The referring actor was not a member of the collaboration on the referral date {referralDate:yyyy-MM-dd}."];
    }

    public Participant? Existing(Guid collaborationId, byte[] hash) =>
        _existing.GetValueOrDefault((collaborationId, Convert.ToHexString(hash)));
}
