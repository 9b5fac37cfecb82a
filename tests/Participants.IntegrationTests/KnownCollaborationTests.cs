using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>
/// Enrolment only into a collaboration Actors told this service of, by an actor that was a member on the referral
/// date; the local copy is fed by Actors' real events through the broker.
/// </summary>
public sealed class KnownCollaborationTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Enrolment_into_a_collaboration_never_heard_of_is_400_naming_collaborationId()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());

        var collaboration = Guid.NewGuid();
        var response = await client.PostEnrolmentAsync(new EnrolBody { CollaborationId = collaboration });

        await response.AssertNamesField("collaborationId");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CollaborationId == collaboration)));
    }

    [Fact]
    public async Task A_member_that_joined_before_its_collaboration_was_heard_of_can_refer_once_it_is()
    {
        var agency = await factory.KnownActorAsync();
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var collaboration = Guid.NewGuid();
        var body = new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = TestPeople.NewNumber() };

        await factory.ConsumedAsync(await factory.PublishAsync(new MemberJoined
        {
            CollaborationId = collaboration, ActorId = agency, Role = MemberRole.Owner, JoinedOn = new DateOnly(2025, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
        }));
        var early = await client.PostEnrolmentAsync(body);
        await factory.ConsumedAsync(await factory.PublishAsync(ParticipantsApiFactory.Collaboration(collaboration, agency)));
        var later = await client.PostEnrolmentAsync(body);

        await early.AssertNamesField("collaborationId");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task The_referring_actor_must_be_a_member_on_the_referral_date()
    {
        var (owner, partner) = (await factory.KnownActorAsync("Kommunen"), await factory.KnownActorAsync("Försäkringskassan"));
        var collaboration = Guid.NewGuid();
        await factory.MemberAsync(collaboration, owner);
        // A member from 1 March to 31 May. (That the order of arrival does not matter is CopyConvergenceTests' to show.)
        var joined = await factory.PublishAsync(new MemberJoined
        {
            CollaborationId = collaboration, ActorId = partner, Role = MemberRole.Partner, JoinedOn = new DateOnly(2026, 3, 1), OccurredAt = DateTimeOffset.UtcNow,
        });
        var left = await factory.PublishAsync(new MemberLeft
            { CollaborationId = collaboration, ActorId = partner, LeftOn = new DateOnly(2026, 5, 31), OccurredAt = DateTimeOffset.UtcNow });
        await factory.ConsumedAsync(joined, left);
        var client = factory.ClientFor(Roles.Caseworker, partner);
        EnrolBody Referred(string on) => new()
            { CollaborationId = collaboration, PersonalIdentityNumber = TestPeople.NewNumber(), ReferralDate = on, StartDate = "2026-07-01" };

        var before = await client.PostEnrolmentAsync(Referred("2026-02-28"));
        var during = await client.PostEnrolmentAsync(Referred("2026-03-01"));
        var leaveDay = await client.PostEnrolmentAsync(Referred("2026-05-31"));
        var after = await client.PostEnrolmentAsync(Referred("2026-06-01"));

        await before.AssertNamesField("referringActorId");
        Assert.Equal(HttpStatusCode.Created, during.StatusCode);
        Assert.Equal(HttpStatusCode.Created, leaveDay.StatusCode);
        await after.AssertNamesField("referringActorId");
        Assert.Equal(2, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CollaborationId == collaboration)));
    }

    [Fact]
    public async Task Repeated_and_late_events_leave_one_row_with_the_newest_state()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var collaboration = Guid.NewGuid();
        var created = ParticipantsApiFactory.Collaboration(collaboration, first, DateTimeOffset.UtcNow.AddMinutes(-5)) with { Revision = 1 };
        var updated = new CollaborationUpdated
        {
            CollaborationId = collaboration, Name = created.Name, OwnerActorId = second, TargetGroups = created.TargetGroups,
            MunicipalityCodes = created.MunicipalityCodes, StartDate = created.StartDate, EndDate = created.EndDate,
            FinancingSource = created.FinancingSource, Budget = created.Budget, ParticipantTarget = created.ParticipantTarget,
            ExitToWorkOrStudiesTargetShare = created.ExitToWorkOrStudiesTargetShare, UpdatedAt = DateTimeOffset.UtcNow, Revision = 2,
        };
        var joined = new MemberJoined
            { CollaborationId = collaboration, ActorId = first, Role = MemberRole.Owner, JoinedOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow };

        await factory.ConsumedAsync(await factory.PublishAsync(updated)); // the update overtakes the creation
        // The same facts again under new message ids, as a replay or a republish would send them.
        await factory.ConsumedAsync(await factory.PublishAsync(joined), await factory.PublishAsync(joined),
            await factory.PublishAsync(created), await factory.PublishAsync(created));

        var known = await factory.WithDbAsync(db => db.KnownCollaborations.AsNoTracking().SingleAsync(c => c.Id == collaboration));
        Assert.Equal(second, known.OwnerActorId);
        Assert.Equal(1, await factory.WithDbAsync(db => db.MembershipChanges.CountAsync(m => m.CollaborationId == collaboration)));
    }
}
