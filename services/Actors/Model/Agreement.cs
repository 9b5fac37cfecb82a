using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

public enum AgreementStatus { Draft = 1, Signed = 2, Terminated = 3 }

/// <summary>Skriftlig or muntlig överenskommelse: both count, but an oral one must say who agreed and when.</summary>
public enum AgreementForm { Written = 1, Oral = 2 }

/// <summary>
/// What one member actor promises a collaboration (överenskommelse). Its terms live in numbered versions:
/// an amendment adds a draft version, and signing it makes it the version in force while the earlier ones
/// stay as history. Status: draft → signed → terminated; an amendment in draft leaves the agreement signed.
/// The transitions return the reason they are refused, or null.
/// </summary>
public sealed class Agreement
{
    public Guid Id { get; init; }
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public AgreementStatus Status { get; set; }
    public List<AgreementVersion> Versions { get; set; } = [];
    public DateOnly? TerminatedOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: the ETag.</summary>
    public uint Version { get; set; }

    public AgreementVersion Latest => Versions[^1];
    /// <summary>The last signed version: what the member has actually promised right now.</summary>
    public AgreementVersion? InForce => Versions.LastOrDefault(v => v.SignedAt is not null);

    public static Agreement Draft(Guid id, Guid collaborationId, Guid actorId, AgreementTerms terms, DateTimeOffset now) => new()
    {
        Id = id, CollaborationId = collaborationId, ActorId = actorId, Status = AgreementStatus.Draft, CreatedAt = now,
        Versions = [new AgreementVersion { Number = 1, Terms = terms, CreatedAt = now }],
    };

    public string? EditDraft(AgreementTerms terms, DateTimeOffset now)
    {
        if (Status == AgreementStatus.Terminated) return "The agreement is terminated.";
        if (Latest.SignedAt is not null) return $"Version {Latest.Number} is signed and cannot change; amend the agreement instead.";
        Versions[^1] = Latest with { Terms = terms };
        UpdatedAt = now;
        return null;
    }

    public string? Sign(DateTimeOffset now)
    {
        if (Status == AgreementStatus.Terminated) return "The agreement is terminated.";
        if (Latest.SignedAt is not null) return $"Version {Latest.Number} is already signed.";
        if (Latest.Terms.Form == AgreementForm.Written && !Latest.Terms.Signatories.Any(s => s.HasMandate))
            return "A written agreement needs at least one signatory with a mandate to commit the actor.";
        Versions[^1] = Latest with { SignedAt = now };
        Status = AgreementStatus.Signed;
        UpdatedAt = now;
        return null;
    }

    public string? Amend(AgreementTerms terms, DateTimeOffset now)
    {
        if (Status == AgreementStatus.Terminated) return "The agreement is terminated.";
        if (Latest.SignedAt is null) return $"Version {Latest.Number} is still a draft; edit it instead of amending.";
        Versions.Add(new AgreementVersion { Number = Latest.Number + 1, Terms = terms, CreatedAt = now });
        UpdatedAt = now;
        return null;
    }

    public string? Terminate(DateOnly on, DateTimeOffset now)
    {
        if (Status == AgreementStatus.Terminated) return "The agreement is already terminated.";
        if (Status == AgreementStatus.Draft) return "A draft was never in force; there is nothing to terminate.";
        Status = AgreementStatus.Terminated;
        TerminatedOn = on;
        UpdatedAt = now;
        return null;
    }
}

public sealed record AgreementVersion
{
    public required int Number { get; init; }
    public required AgreementTerms Terms { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SignedAt { get; init; }
}

public sealed record AgreementTerms
{
    public required AgreementForm Form { get; init; }
    /// <summary>For an oral agreement: who agreed (name and function) …</summary>
    public string? OralAgreedBy { get; init; }
    /// <summary>… and when.</summary>
    public DateOnly? OralAgreedOn { get; init; }
    public List<Contribution> Contributions { get; init; } = [];
    public required DateOnly ValidFrom { get; init; }
    public required DateOnly ValidTo { get; init; }
    public List<Signatory> Signatories { get; init; } = [];
}

public sealed record Contribution
{
    public required ContributionKind Kind { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public string? Description { get; init; }
}

/// <summary>Who signs for the actor, and whether they hold the mandate to commit it (mandat).</summary>
public sealed record Signatory
{
    public required string Name { get; init; }
    public string? Title { get; init; }
    public required bool HasMandate { get; init; }
}
