using System.Security.Claims;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.UnitTests;

public sealed class ParticipantAccessRulesTests
{
    private static readonly Guid Referrer = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();

    private static ClaimsPrincipal User(string role, Guid? agency) => new(new ClaimsIdentity(
        new[] { new Claim(SamverkanClaims.Role, role) }.Concat(agency is { } a ? [new Claim(SamverkanClaims.Agency, a.ToString())] : []),
        "test", "sub", SamverkanClaims.Role));

    [Theory]
    [InlineData(Roles.Caseworker, "referrer", true)]
    [InlineData(Roles.Coordinator, "referrer", true)]
    [InlineData(Roles.Coordinator, "owner", true)]    // the collaboration's coordinators
    [InlineData(Roles.Caseworker, "owner", false)]    // the owner's caseworkers are not its coordinators
    [InlineData(Roles.Coordinator, "partner", false)] // another member agency
    [InlineData(Roles.Caseworker, "partner", false)]
    [InlineData(Roles.Employer, "referrer", false)]   // employers never
    [InlineData(Roles.Admin, "referrer", true)]       // an agency's admin: its own agency's participants
    [InlineData(Roles.Admin, "owner", true)]
    [InlineData(Roles.Admin, "partner", false)]       // never another agency's
    [InlineData(Roles.Operator, "referrer", false)]   // the operator reads no participant record
    public void Who_may_see_a_participant(string role, string agency, bool allowed)
    {
        var actor = agency switch { "referrer" => Referrer, "owner" => Owner, _ => Partner };
        Assert.Equal(allowed, ParticipantAccessRules.MaySee(User(role, actor), Referrer, Owner));
    }

    [Fact]
    public void A_coordinator_of_a_collaboration_not_known_here_sees_only_its_own_referrals()
    {
        Assert.False(ParticipantAccessRules.MaySee(User(Roles.Coordinator, Owner), Referrer, collaborationOwnerId: null));
        Assert.False(ParticipantAccessRules.MaySee(User(Roles.Coordinator, null), Referrer, collaborationOwnerId: null));
    }
}
