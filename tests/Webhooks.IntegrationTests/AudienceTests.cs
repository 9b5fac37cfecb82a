using Samverkan.Testing;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>Who gets what: an agency only its own participants', its collaborations' and its employers' events.</summary>
[Collection(WebhookCollection.Name)]
public sealed class AudienceTests(WebhookWorld world)
{
    [Fact]
    public async Task An_agency_never_receives_another_agencys_participant_events()
    {
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        var myUrl = world.Receiver.Endpoint();
        var theirUrl = world.Receiver.Endpoint();
        await world.RegisterAsync(mine, myUrl, "participant.enrolled", "participant.exited");
        await world.RegisterAsync(theirs, theirUrl, "participant.enrolled", "participant.exited");

        var collaboration = Guid.NewGuid(); // both in the same collaboration: membership does not open others' participants
        var myParticipant = await world.EnrolAsync(mine, collaboration);
        var theirParticipant = await world.EnrolAsync(theirs, collaboration);
        await world.ExitAsync(theirParticipant);
        await world.ExitAsync(myParticipant);

        var received = await world.ReceivedAsync(myUrl, 2);
        await world.ReceivedAsync(theirUrl, 2);
        Assert.All(received, r => Assert.Contains(myParticipant.ParticipantId.ToString(), r.Body));
        Assert.DoesNotContain(world.Receiver.Received(myUrl), r => r.Body.Contains(theirParticipant.ParticipantId.ToString()));
        Assert.DoesNotContain(world.Receiver.Received(theirUrl), r => r.Body.Contains(myParticipant.ParticipantId.ToString()));
    }

    [Fact]
    public async Task Collaboration_events_go_to_members_and_employer_events_to_agencies_working_with_the_employer()
    {
        var (owner, member, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var urls = new[] { owner, member, stranger }.ToDictionary(a => a, _ => world.Receiver.Endpoint());
        var endpoints = new Dictionary<Guid, Guid>();
        foreach (var (agency, url) in urls)
            endpoints[agency] = (await world.RegisterAsync(agency, url, "collaboration.member-joined", "employer.contact-logged")).Id;

        var collaboration = Guid.NewGuid();
        await world.Service.PublishAsync(new MemberJoined { CollaborationId = collaboration, ActorId = owner, Role = MemberRole.Owner, JoinedOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow });
        await world.Service.PublishAsync(new MemberJoined { CollaborationId = collaboration, ActorId = member, Role = MemberRole.Partner, JoinedOn = new DateOnly(2026, 1, 2), OccurredAt = DateTimeOffset.UtcNow });
        var employer = Guid.NewGuid();
        await world.Service.PublishAsync(new ContactLogged { ContactId = Guid.NewGuid(), EmployerId = employer, ActorId = member, Date = new DateOnly(2026, 2, 1), Channel = ContactChannel.Phone, Planned = false, LoggedAt = DateTimeOffset.UtcNow });
        await world.Service.PublishAsync(new ContactLogged { ContactId = Guid.NewGuid(), EmployerId = employer, ActorId = owner, Date = new DateOnly(2026, 2, 2), Channel = ContactChannel.Visit, Planned = false, LoggedAt = DateTimeOffset.UtcNow });

        // The owner: both joins (a member since the first), and only the second contact: it worked with the employer from
        // its own contact on. The member: its own join (not the owner's, before it was a member) and both contacts.
        // The stranger: nothing.
        var toOwner = await world.ReceivedAsync(urls[owner], 3);
        var toMember = await world.ReceivedAsync(urls[member], 3);
        Assert.Equal(2, toOwner.Count(r => r.Body.Contains("collaboration.member-joined")));
        Assert.Equal(1, toMember.Count(r => r.Body.Contains("collaboration.member-joined")));
        Assert.Equal(2, toMember.Count(r => r.Body.Contains("employer.contact-logged")));
        // Every delivery row was written in its consumer's transaction, before PublishAsync returned: none is still to come.
        Assert.Empty(world.Receiver.Received(urls[stranger]));
        Assert.Empty(await world.DeliveriesAsync(stranger, endpoints[stranger]));
        Assert.Equal(3, (await world.DeliveriesAsync(owner, endpoints[owner])).Length);
    }
}
