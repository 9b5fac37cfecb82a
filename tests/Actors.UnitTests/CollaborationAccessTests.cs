using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.UnitTests;

public sealed class CollaborationAccessTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Outsider = Guid.NewGuid();
    private static readonly Guid[] Members = [Owner, Partner];

    [Theory]
    [InlineData(CollaborationAction.Read)]
    [InlineData(CollaborationAction.Manage)]
    public void An_admin_of_an_agency_outside_the_collaboration_is_told_it_does_not_exist(CollaborationAction action) =>
        Assert.Equal(AccessDecision.NotFound, CollaborationAccess.Decide(Roles.Admin, Outsider, Owner, Members, action));

    [Fact]
    public void A_members_admin_reads_and_the_owners_admin_manages()
    {
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.Decide(Roles.Admin, Partner, Owner, Members, CollaborationAction.Read));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.Decide(Roles.Admin, Partner, Owner, Members, CollaborationAction.Manage));
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.Decide(Roles.Admin, Owner, Owner, Members, CollaborationAction.Manage));
    }

    [Fact]
    public void The_operator_manages_no_agencys_collaboration() =>
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.Decide(Roles.Operator, Owner, Owner, Members, CollaborationAction.Read));

    [Fact]
    public void Owner_coordinators_manage() =>
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.Decide(Roles.Coordinator, Owner, Owner, Members, CollaborationAction.Manage));

    [Fact]
    public void Partner_coordinators_read_but_do_not_manage()
    {
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.Decide(Roles.Coordinator, Partner, Owner, Members, CollaborationAction.Read));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.Decide(Roles.Coordinator, Partner, Owner, Members, CollaborationAction.Manage));
    }

    [Fact]
    public void Caseworkers_of_a_member_read_but_even_the_owners_do_not_manage()
    {
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.Decide(Roles.Caseworker, Partner, Owner, Members, CollaborationAction.Read));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.Decide(Roles.Caseworker, Owner, Owner, Members, CollaborationAction.Manage));
    }

    [Theory]
    [InlineData(Roles.Caseworker, CollaborationAction.Read)]
    [InlineData(Roles.Coordinator, CollaborationAction.Read)]
    [InlineData(Roles.Coordinator, CollaborationAction.Manage)]
    public void Staff_of_a_non_member_agency_are_told_it_does_not_exist(string role, CollaborationAction action) =>
        Assert.Equal(AccessDecision.NotFound, CollaborationAccess.Decide(role, Outsider, Owner, Members, action));

    [Theory]
    [InlineData(Roles.Employer)]
    [InlineData("nobody")]
    [InlineData(null)]
    public void Employers_and_unknown_roles_are_forbidden_even_as_members(string? role) =>
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.Decide(role, Partner, Owner, Members, CollaborationAction.Read));

    [Fact]
    public void A_former_member_is_no_longer_a_reader()
    {
        var today = new DateOnly(2026, 11, 24);
        var left = new CollaborationMember { ActorId = Partner, JoinedOn = new(2026, 1, 1), LeftOn = new(2026, 11, 23) };
        var leavingToday = new CollaborationMember { ActorId = Partner, JoinedOn = new(2026, 1, 1), LeftOn = today };
        Assert.False(left.IsCurrent(today));
        Assert.True(leavingToday.IsCurrent(today));
    }

    [Fact]
    public void A_members_goals_are_its_own_coordinators_or_the_managers_to_change()
    {
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.DecideMemberGoals(Roles.Coordinator, Partner, Owner, Members, Partner));
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.DecideMemberGoals(Roles.Coordinator, Owner, Owner, Members, Partner));
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.DecideMemberGoals(Roles.Admin, Partner, Owner, Members, Partner));
        Assert.Equal(AccessDecision.NotFound, CollaborationAccess.DecideMemberGoals(Roles.Admin, Outsider, Owner, Members, Partner));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideMemberGoals(Roles.Coordinator, Partner, Owner, Members, Owner));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideMemberGoals(Roles.Caseworker, Partner, Owner, Members, Partner));
        Assert.Equal(AccessDecision.NotFound, CollaborationAccess.DecideMemberGoals(Roles.Coordinator, Outsider, Owner, Members, Partner));
    }
}

public sealed class MemberOwnAccessTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid[] Members = [Owner, Partner];

    [Fact]
    public void A_member_coordinator_writes_its_own_answers_but_not_another_members()
    {
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.DecideMemberOwn(Roles.Coordinator, Partner, Owner, Members, Partner));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideMemberOwn(Roles.Coordinator, Owner, Owner, Members, Partner));
    }

    [Fact]
    public void Caseworkers_of_the_member_read_but_do_not_write_its_answers() =>
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideMemberOwn(Roles.Caseworker, Partner, Owner, Members, Partner));

    [Fact]
    public void Outsiders_learn_nothing_and_admins_act_for_their_own_agency_only()
    {
        Assert.Equal(AccessDecision.NotFound, CollaborationAccess.DecideMemberOwn(Roles.Coordinator, Guid.NewGuid(), Owner, Members, Partner));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideMemberOwn(Roles.Admin, null, Owner, Members, Partner));
        Assert.Equal(AccessDecision.Allow, CollaborationAccess.DecideMemberOwn(Roles.Admin, Partner, Owner, Members, Partner));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideMemberOwn(Roles.Admin, Owner, Owner, Members, Partner));
    }

    [Theory]
    [InlineData(Roles.Coordinator, true)]
    [InlineData(Roles.Caseworker, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Employer, false)]
    [InlineData(Roles.Operator, false)]
    public void An_actors_own_staff_write_its_catalogue_employers_never(string role, bool allowed) =>
        Assert.Equal(allowed ? AccessDecision.Allow : AccessDecision.Forbidden, CollaborationAccess.DecideActorOwn(role, Partner, Partner));

    [Fact]
    public void Staff_of_another_actor_do_not_write_its_catalogue()
    {
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideActorOwn(Roles.Coordinator, Owner, Partner));
        Assert.Equal(AccessDecision.Forbidden, CollaborationAccess.DecideActorOwn(Roles.Admin, Owner, Partner));
    }
}
