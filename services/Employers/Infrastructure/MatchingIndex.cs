using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Apis;
using Samverkan.Employers.Model;

namespace Samverkan.Employers.Infrastructure;

/// <summary>
/// Every matchable profile (one with an anonymous-profile-to-employers consent in force), compiled to integers
/// with the employers its consents name (<see cref="CompiledProfile.Recipients"/>) and the agencies that reach it
/// (<see cref="CompiledProfile.ReachedBy"/>), and held in memory, so ranking an offer against 100,000 profiles is one scan of an array with no database
/// round trip (see README, "Why an in-memory index"). Loaded on first use; after that each committed change to a
/// profile, a consent or an enrolment re-reads that participant (<see cref="RefreshAsync"/>), so a withdrawn consent leaves
/// the index as soon as its transaction commits. One per service process; each process's learns of the others' changes
/// through <see cref="MatchingIndexNotices"/>.
/// </summary>
public sealed class MatchingIndex(IServiceScopeFactory scopes, ILogger<MatchingIndex> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<Guid, CompiledProfile>? _profiles;
    private CompiledProfile[] _snapshot = [];

    /// <summary>This process's index among the instances', so that it can tell its own notices from theirs.</summary>
    public Guid Instance { get; } = Guid.NewGuid();

    public LabelTable Skills { get; } = new();
    public LabelTable Adaptations { get; } = new();

    /// <summary>The matchable profiles now; loads them on the first call.</summary>
    public async Task<CompiledProfile[]> SnapshotAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _profiles) is null)
            await LoadAsync(ct);
        return Volatile.Read(ref _snapshot);
    }

    /// <summary>Re-reads these participants after a committed change: in when matchable, out when not (or gone).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<Guid> participantIds, CancellationToken ct)
    {
        if (participantIds.Count == 0)
            return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_profiles is null)
                return; // not loaded yet: the first load reads the committed state anyway
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
            var ids = participantIds.ToList();
            var fresh = await Matchable(db).Where(p => ids.Contains(p.ParticipantId)).ToListAsync(ct);
            var recipients = await RecipientsAsync(AnonymousProfileConsents(db).Where(c => ids.Contains(c.ParticipantId)), ct);
            var reaching = await ParticipantAccess.ReachingAgenciesAsync(db, ids, ct);
            foreach (var id in ids)
                _profiles.Remove(id);
            foreach (var profile in fresh)
                _profiles[profile.ParticipantId] = CompiledProfile.Compile(
                    MatchCandidate.From(profile), Skills, Adaptations, recipients[profile.ParticipantId].ToList(), reaching[profile.ParticipantId].ToList());
            Volatile.Write(ref _snapshot, _profiles.Values.ToArray());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets every profile: the next <see cref="SnapshotAsync"/> loads them afresh from the database.</summary>
    public async Task InvalidateAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            Volatile.Write(ref _profiles, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Profiles whose participant has an anonymous-profile-to-employers consent in force (to some employer).</summary>
    public static IQueryable<MatchingProfile> Matchable(EmployersDbContext db) =>
        db.MatchingProfiles.AsNoTracking().Where(p => AnonymousProfileConsents(db).Any(c => c.ParticipantId == p.ParticipantId));

    /// <summary>Profiles shown to this employer: an anonymous-profile consent in force names it (its actor id) as recipient.</summary>
    public static IQueryable<MatchingProfile> MatchableFor(EmployersDbContext db, Guid employerActorId) =>
        db.MatchingProfiles.AsNoTracking().Where(p =>
            AnonymousProfileConsents(db).Any(c => c.ParticipantId == p.ParticipantId && c.RecipientActorId == employerActorId));

    private static IQueryable<ParticipantConsent> AnonymousProfileConsents(EmployersDbContext db) =>
        db.ParticipantConsents.AsNoTracking().Where(c => c.Purpose == ConsentPurpose.AnonymousProfileToEmployers && c.GivenOn != null && c.WithdrawnAt == null);

    private static async Task<ILookup<Guid, Guid>> RecipientsAsync(IQueryable<ParticipantConsent> consents, CancellationToken ct) =>
        (await consents.Select(c => new { c.ParticipantId, c.RecipientActorId }).Distinct().ToListAsync(ct))
            .ToLookup(c => c.ParticipantId, c => c.RecipientActorId);

    private async Task LoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_profiles is not null)
                return;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
            // Read everything first, then compile in one go: the compiled profiles end up side by side in memory
            // instead of interleaved with the reader's garbage, which halves the scan time.
            var candidates = new List<MatchCandidate>();
            await foreach (var profile in Matchable(db).AsAsyncEnumerable().WithCancellation(ct))
                candidates.Add(MatchCandidate.From(profile));
            var recipients = await RecipientsAsync(AnonymousProfileConsents(db), ct);
            var reaching = await ParticipantAccess.ReachingAgenciesAsync(db, null, ct);
            var profiles = new Dictionary<Guid, CompiledProfile>(candidates.Count);
            foreach (var candidate in candidates)
                profiles[candidate.ParticipantId] = CompiledProfile.Compile(
                    candidate, Skills, Adaptations, recipients[candidate.ParticipantId].ToList(), reaching[candidate.ParticipantId].ToList());
            Volatile.Write(ref _snapshot, profiles.Values.ToArray());
            Volatile.Write(ref _profiles, profiles);
            logger.LogInformation("Matching index loaded: {Count} matchable profiles in {Elapsed} ms", profiles.Count, clock.ElapsedMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }
}
