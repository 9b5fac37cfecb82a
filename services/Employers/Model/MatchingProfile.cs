namespace Samverkan.Employers.Model;

/// <summary>
/// A participant's matching profile, keyed by the participant id from Participants and holding no identity:
/// no name, no personnummer, no free text about the person. Written by the participant's own agency (the referring
/// actor of its enrolment, see <c>Apis.ParticipantAccess</c>). It is matched only for the employers an
/// anonymous-profile-to-employers consent in force names (<see cref="ParticipantConsent"/>).
/// </summary>
public sealed class MatchingProfile
{
    public Guid ParticipantId { get; init; }
    /// <summary>The agency that created the profile: one of the participant's own agencies.</summary>
    public Guid OwnerActorId { get; init; }
    /// <summary>Occupational interests as SSYK 2012 codes (four digits).</summary>
    public List<string> OccupationCodes { get; set; } = [];
    /// <summary>Skills, normalised to trimmed lower case so "Truckkort" meets "truckkort".</summary>
    public List<string> Skills { get; set; } = [];
    public SwedishLevel SwedishLevel { get; set; }
    /// <summary>Other languages spoken (ISO 639-1 codes or names), shown to staff; not scored.</summary>
    public List<string> Languages { get; set; } = [];
    /// <summary>SCB kommunkod of the home municipality.</summary>
    public required string MunicipalityCode { get; set; }
    public int MaxCommuteKm { get; set; }
    public DateOnly AvailableFrom { get; set; }
    public decimal HoursPerWeek { get; set; }
    /// <summary>Adaptations the participant needs at a workplace, short labels. Never shown to employers by name.</summary>
    public List<string> AdaptationsNeeded { get; set; } = [];
    public Readiness Readiness { get; set; }
    public bool DrivingLicence { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin, the ETag.</summary>
    public uint Version { get; set; }
}

/// <summary>How ready for work the participant is, as the agency judges it. In JSON: not-ready, soon-ready, ready.</summary>
public enum Readiness
{
    /// <summary>Not ready for a workplace yet (health or other steps first).</summary>
    NotReady,
    /// <summary>Ready within weeks, or for a workplace with support.</summary>
    SoonReady,
    Ready,
}

/// <summary>Normalises free labels (skills, adaptations) so that comparison is exact and deterministic.</summary>
public static class Labels
{
    public static string Normalise(string label) => string.Join(' ', label.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static List<string> NormaliseAll(IEnumerable<string>? labels) =>
        (labels ?? []).Select(Normalise).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
