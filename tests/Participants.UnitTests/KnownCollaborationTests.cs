using Samverkan.Contracts.Actors;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class KnownCollaborationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static KnownCollaboration State(Guid owner, DateTimeOffset asOf) =>
        new() { Id = Guid.Empty, Name = "FSLA", OwnerActorId = owner, AsOf = asOf };

    [Fact]
    public void A_creation_arriving_after_an_update_does_not_undo_it()
    {
        var (original, transferred) = (Guid.NewGuid(), Guid.NewGuid());
        var held = State(transferred, Monday.AddHours(1)); // the update came first

        var applied = held.Apply(State(original, Monday)); // then the older creation

        Assert.False(applied);
        Assert.Equal(transferred, held.OwnerActorId);
    }

    [Fact]
    public void A_newer_update_replaces_the_state_and_the_same_one_again_changes_nothing()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var held = State(first, Monday);
        var update = State(second, Monday.AddDays(1));

        Assert.True(held.Apply(update));
        Assert.True(held.Apply(update));
        Assert.Equal(second, held.OwnerActorId);
        Assert.Equal(Monday.AddDays(1), held.AsOf);
    }

    [Fact]
    public void From_takes_the_owner_and_time_of_each_event()
    {
        var owner = Guid.NewGuid();
        var created = KnownCollaboration.From(new CollaborationCreated
        {
            CollaborationId = Guid.NewGuid(), Name = "FSLA", OwnerActorId = owner, TargetGroups = [], MunicipalityCodes = ["0880"],
            StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2027, 12, 31), FinancingSource = FinancingSource.EsfPlus,
            Budget = 1m, ParticipantTarget = 10, ExitToWorkOrStudiesTargetShare = 60m, CreatedAt = Monday,
        });
        Assert.Equal(owner, created.OwnerActorId);
        Assert.Equal(Monday, created.AsOf);
    }
}
