using Samverkan.Testing;
using Samverkan.Contracts.Participants;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>Bad input is a 400 problem details naming the field; it never repeats the number it refused.</summary>
public sealed class BadInputTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Every_resource_is_documented() => await OpenApiCoverage.AssertEveryApiRouteIsDocumentedAsync(factory);

    private static readonly Dictionary<string, (string Field, EnrolBody Body)> Bodies = new()
    {
        ["bad check digit"] = ("personalIdentityNumber", new EnrolBody { PersonalIdentityNumber = "811218-9875" }), // check digit
        ["31 February"] = ("personalIdentityNumber", new EnrolBody { PersonalIdentityNumber = "810231-1233" }), // 31 February
        ["eight digits"] = ("personalIdentityNumber", new EnrolBody { PersonalIdentityNumber = "81121898" }),
        ["neither number nor withoutNumber"] = ("personalIdentityNumber", new EnrolBody { PersonalIdentityNumber = null }),
        ["both number and withoutNumber"] = ("withoutNumber", new EnrolBody { WithoutNumber = "anonymous", Gender = "man" }),
        ["unknown withoutNumber"] = ("withoutNumber", new EnrolBody { PersonalIdentityNumber = null, WithoutNumber = "invisible" }),
        ["no gender without a number"] = ("gender", new EnrolBody { PersonalIdentityNumber = null, WithoutNumber = "anonymous" }),
        ["unknown gender"] = ("gender", new EnrolBody { Gender = "other" }),
        ["birth date not the number's"] = ("birthDate", new EnrolBody { BirthDate = "1981-12-19" }),
        ["two-digit municipality"] = ("municipalityCode", new EnrolBody { MunicipalityCode = "88" }),
        ["no such municipality"] = ("municipalityCode", new EnrolBody { MunicipalityCode = "1299" }),
        ["no municipality"] = ("municipalityCode", new EnrolBody { MunicipalityCode = null }),
        ["no collaboration"] = ("collaborationId", new EnrolBody { CollaborationId = null }),
        ["unknown benefit"] = ("benefitAtStart", new EnrolBody { BenefitAtStart = "galaxy" }),
        ["no labour-market status"] = ("labourMarketStatus", new EnrolBody { LabourMarketStatus = null }),
        ["unknown education level"] = ("educationLevel", new EnrolBody { EducationLevel = "isced-9" }),
        ["unknown target group"] = ("targetGroups[0]", new EnrolBody { TargetGroups = ["pensioners"] }),
        ["no start date"] = ("startDate", new EnrolBody { StartDate = null }),
        ["referral after start"] = ("referralDate", new EnrolBody { ReferralDate = "2026-02-01", StartDate = "2026-01-10" }),
    };

    public static TheoryData<string> Cases => new(Bodies.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_enrolment_is_400_problem_details_naming_the_field(string @case)
    {
        var (field, body) = Bodies[@case];
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var response = await client.EnrolAsync(body);

        await response.AssertNamesField(field);
        if (body.PersonalIdentityNumber is { Length: > 4 } number)
            Assert.DoesNotContain(number[^4..], await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Referring_actor_that_is_not_a_known_actor_is_400_naming_the_field()
    {
        var unknownAgency = Guid.NewGuid();
        var asCaseworker = await factory.ClientFor(Roles.Caseworker, unknownAgency).EnrolAsync(new EnrolBody());
        var asAdmin = await factory.ClientFor(Roles.Admin, Guid.NewGuid()).EnrolAsync(new EnrolBody());

        await asCaseworker.AssertNamesField("referringActorId");
        await asAdmin.AssertNamesField("referringActorId");
    }
}
