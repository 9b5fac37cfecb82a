namespace Samverkan.Contracts.Actors;

/// <summary>What a member promises in an agreement. On the wire as kebab-case, e.g. "staff-hours".</summary>
public enum ContributionKind
{
    StaffHours = 1,
    Funding = 2,
    Premises = 3,
    /// <summary>Participants the member will refer (remittera) to the collaboration.</summary>
    ParticipantReferrals = 4,
    /// <summary>A named intervention (insats) from the member's offer.</summary>
    Intervention = 5,
    Other = 6,
}
