namespace Samverkan.Contracts.Participants;

/// <summary>When after exit a follow-up (uppföljning) is due. On the wire "four-weeks", "six-months", "twelve-months".</summary>
public enum FollowUpPoint
{
    FourWeeks = 1,
    SixMonths = 2,
    TwelveMonths = 3,
}
