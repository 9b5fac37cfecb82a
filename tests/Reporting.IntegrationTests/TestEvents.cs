using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Testing;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>The other services' events as they publish them, with defaults that tests override where it matters.</summary>
internal static class TestEvents
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static ParticipantEnrolled Enrolled(Guid collaboration, Guid referrer, Gender gender, string municipality = "0880",
        DateOnly? start = null, Guid? participant = null, AgeBand? age = AgeBand.From30To54,
        LabourMarketStatus? status = null, EducationLevel? education = null) => new()
    {
        ParticipantId = participant ?? Guid.NewGuid(), CollaborationId = collaboration, Gender = gender, AgeBand = age,
        MunicipalityCode = municipality, ReferringActorId = referrer, ReferralDate = new(2026, 2, 1),
        TargetGroups = [TargetGroup.LongTermUnemployed], StartDate = start ?? new DateOnly(2026, 2, 10),
        LabourMarketStatusAtEntry = status, EducationLevelAtEntry = education, EnrolledAt = DateTimeOffset.UtcNow,
    };

    public static ParticipantExited Exited(ParticipantEnrolled enrolled, ExitOutcome outcome, DateOnly? date = null, bool qualification = false) => new()
    {
        ParticipantId = enrolled.ParticipantId, CollaborationId = enrolled.CollaborationId, ExitDate = date ?? new DateOnly(2026, 9, 1),
        Outcome = outcome, GainedQualification = qualification, ExitedAt = DateTimeOffset.UtcNow,
    };

    public static CollaborationCreated Created(Guid collaboration, Guid owner, int target = 46, decimal targetShare = 40m) => new()
    {
        CollaborationId = collaboration, Name = "FSLA", OwnerActorId = owner, TargetGroups = [TargetGroup.LongTermUnemployed],
        MunicipalityCodes = ["0880", "0881"], StartDate = new(2026, 1, 1), EndDate = new(2027, 12, 31),
        FinancingSource = FinancingSource.EsfPlus, Budget = 1_000_000m, ParticipantTarget = target,
        ExitToWorkOrStudiesTargetShare = targetShare, CreatedAt = DateTimeOffset.UtcNow,
    };

    public static Task ConsumedAsync(this ReportingApiFactory factory, IEnumerable<Guid> messageIds, int times = 1) =>
        Eventually.Until(() => Task.FromResult(messageIds.All(id => factory.Consumed.Count(id) >= times)), Deadline, "the events to be consumed");

    /// <summary>Publishes each message and waits until all have been consumed; their message ids.</summary>
    public static async Task<List<Guid>> PublishAllAsync(this ReportingApiFactory factory, IEnumerable<object> messages)
    {
        var ids = new List<Guid>();
        foreach (var message in messages)
            ids.Add(await factory.PublishObjectAsync(message));
        await factory.ConsumedAsync(ids);
        return ids;
    }
}
