using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;

namespace Samverkan.Webhooks.Model;

/// <summary>One event type an endpoint can subscribe to: its name on the wire, the integration event it carries, and who gets it.</summary>
public sealed record EventType(string Name, Type Message, string Audience);

/// <summary>
/// Every event type offered to agencies, the one list the consumers, the API's validation and the docs' table follow.
/// The name is <c>{subject}.{what happened}</c>; the payload's <c>data</c> is the integration event as published
/// (ids and non-identifying facts only, never a personnummer or a person's name).
/// </summary>
public static class EventTypes
{
    private const string Owner = "the agency that enrolled the participant";
    private const string Members = "the collaboration's members";
    private const string Linked = "agencies working with the employer (its owner, those that logged contacts with it, published offers or placed someone there)";
    private const string Placement = "the agency running the pipeline and the agency that enrolled the participant";

    public static readonly IReadOnlyList<EventType> All =
    [
        new("participant.enrolled", typeof(ParticipantEnrolled), Owner),
        new("participant.updated", typeof(ParticipantUpdated), Owner),
        new("participant.exited", typeof(ParticipantExited), Owner),
        new("participant.hours-recorded", typeof(MonthlyHoursRecorded), Owner),
        new("participant.validation-completed", typeof(ValidationCompleted), Owner),
        new("participant.follow-up-recorded", typeof(FollowUpRecorded), Owner),
        new("participant.erased", typeof(ParticipantErased), Owner),
        new("collaboration.created", typeof(CollaborationCreated), Members),
        new("collaboration.updated", typeof(CollaborationUpdated), Members),
        new("collaboration.member-joined", typeof(MemberJoined), Members),
        new("collaboration.member-left", typeof(MemberLeft), Members + " (the leaving actor too)"),
        new("employer.registered", typeof(EmployerRegistered), Linked),
        new("employer.updated", typeof(EmployerUpdated), Linked),
        new("employer.contact-logged", typeof(ContactLogged), Linked),
        new("offer.published", typeof(OfferPublished), Linked),
        new("offer.filled", typeof(OfferFilled), Linked),
        new("offer.closed", typeof(OfferClosed), Linked),
        new("placement.started", typeof(PlacementStarted), Placement),
        new("placement.ended", typeof(PlacementEnded), Placement),
    ];

    private static readonly Dictionary<Type, string> NamesByMessage = All.ToDictionary(t => t.Message, t => t.Name);

    public static IReadOnlySet<string> Names { get; } = All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    public static string NameOf<TMessage>() => NamesByMessage[typeof(TMessage)];
}
