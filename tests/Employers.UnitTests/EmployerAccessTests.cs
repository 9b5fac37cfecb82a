using System.Security.Claims;
using Samverkan.Employers.Apis;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Employers.UnitTests;

public sealed class EmployerAccessTests
{
    private static readonly Guid EmployerActor = Guid.NewGuid();
    private static readonly Employer Linked = new()
    {
        OrganisationNumber = "5560160680", Name = "Bygg AB", IndustryCode = "41200", MunicipalityCode = "0880", ActorId = EmployerActor,
    };
    private static readonly Employer Unlinked = new()
    {
        OrganisationNumber = "5560160680", Name = "Bygg AB", IndustryCode = "41200", MunicipalityCode = "0880",
    };

    private static ClaimsPrincipal User(string role, Guid agency) => new(new ClaimsIdentity(
        [new Claim(SamverkanClaims.Role, role), new Claim(SamverkanClaims.Agency, agency.ToString())], "test", "sub", SamverkanClaims.Role));

    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Admin)]
    public void Agency_staff_see_every_employer(string role)
    {
        Assert.True(EmployerAccess.CanSee(User(role, Guid.NewGuid()), Linked));
        Assert.True(EmployerAccess.CanSee(User(role, Guid.NewGuid()), Unlinked));
    }

    [Fact]
    public void An_employer_user_sees_the_employer_linked_to_its_agency_claim() =>
        Assert.True(EmployerAccess.CanSee(User(Roles.Employer, EmployerActor), Linked));

    [Fact]
    public void An_employer_user_does_not_see_another_employer() =>
        Assert.False(EmployerAccess.CanSee(User(Roles.Employer, Guid.NewGuid()), Linked));

    [Fact]
    public void An_employer_record_without_a_linked_actor_is_seen_by_no_employer_user() =>
        Assert.False(EmployerAccess.CanSee(User(Roles.Employer, EmployerActor), Unlinked));

    [Fact]
    public void The_operator_is_not_agency_staff_and_sees_no_employer_through_the_staff_rule()
    {
        Assert.False(EmployerAccess.IsStaff(User(Roles.Operator, Guid.NewGuid())));
        Assert.False(EmployerAccess.CanSee(User(Roles.Operator, Guid.NewGuid()), Linked));
    }

    [Theory]
    [InlineData(Roles.Coordinator, true, true)]
    [InlineData(Roles.Admin, true, true)]
    [InlineData(Roles.Caseworker, true, false)]
    [InlineData(Roles.Coordinator, false, false)]
    [InlineData(Roles.Admin, false, false)]
    [InlineData(Roles.Employer, true, false)]
    [InlineData(Roles.Operator, false, true)]
    public void Logins_and_owner_are_changed_by_the_owning_agencys_coordinators_and_admins_or_the_operator(string role, bool ownAgency, bool allowed)
    {
        var owner = Guid.NewGuid();
        var employer = new Employer
        {
            OrganisationNumber = "5560160680", Name = "Bygg AB", IndustryCode = "41200", MunicipalityCode = "0880", OwnerActorId = owner, ActorId = EmployerActor,
        };
        Assert.Equal(allowed, EmployerAccess.CanChangeLinkOrOwner(User(role, ownAgency ? owner : Guid.NewGuid()), employer));
    }
}
