using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Apis;

/// <summary>
/// What every read of identifying data shares (the record with a reason, the export): the stated reason, the audit
/// entry written before anything identifying is returned, and the decrypted identity added to the response.
/// </summary>
internal static class IdentifyingReads
{
    private const int MaxReasonLength = 500;

    /// <summary>The reason from <c>?reason=</c>, else from the <see cref="ParticipantsApi.ReasonHeader"/> header; trimmed.</summary>
    public static string? Reason(string? query, string? header) => (string.IsNullOrWhiteSpace(query) ? header : query)?.Trim();

    /// <summary>A 400 naming <c>reason</c> when it is too long; otherwise null.</summary>
    public static ValidationProblem? ReasonError(string? reason) =>
        reason is { Length: > MaxReasonLength } ? ParticipantRecords.Invalid("reason", $"The reason is at most {MaxReasonLength} characters.") : null;

    /// <summary>Writes the audit entry (and saves) before the caller returns anything identifying.</summary>
    public static Task AuditAsync(ParticipantsDbContext db, ClaimsPrincipal user, Guid participantId, string reason, CancellationToken ct) =>
        AuditAsync(db, user, [participantId], reason, ct);

    /// <summary>One audit entry per participant (and saves; nothing when there are none), e.g. each match of an enrolment's lookup hash.</summary>
    public static async Task AuditAsync(ParticipantsDbContext db, ClaimsPrincipal user, IReadOnlyCollection<Guid> participantIds, string reason, CancellationToken ct)
    {
        if (participantIds.Count == 0)
            return;
        var now = DateTimeOffset.UtcNow;
        foreach (var participantId in participantIds)
            db.IdentityAccessLog.Add(new IdentityAccess
            {
                ParticipantId = participantId,
                Subject = ParticipantRecords.Who(user),
                AgencyId = user.GetAgencyId(),
                Role = user.GetRole() ?? "unknown",
                Reason = reason,
                AccessedAt = now,
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The response with the number (YYYYMMDD-NNNN), name and birth date, decrypted.</summary>
    public static ParticipantResponse WithIdentity(ParticipantResponse response, Participant participant, IdentityProtector protector)
    {
        var digits = participant.ProtectedNumber is null ? null : protector.UnprotectNumber(participant.ProtectedNumber);
        return response with
        {
            PersonalIdentityNumber = digits is null ? null : $"{digits[..8]}-{digits[8..]}",
            Name = participant.ProtectedName is null ? null : protector.UnprotectName(participant.ProtectedName),
            BirthDate = participant.BirthDate,
        };
    }
}
