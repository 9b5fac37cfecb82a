using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Scenarios.UnitTests;

/// <summary>Each record is one the platform accepts and one a caseworker could have entered.</summary>
public sealed class RecordsTests
{
    private static readonly IReadOnlyList<FslaParticipant> People = FslaDataset.Build();

    [Fact]
    public void The_same_seed_gives_the_same_records()
    {
        var again = FslaDataset.Build();
        Assert.Equal(People.Select(Describe), again.Select(Describe));
    }

    [Fact]
    public void Another_seed_gives_other_dates_and_people()
    {
        var other = FslaDataset.Build(seed: 7);
        Assert.NotEqual(People.Select(Describe), other.Select(Describe));
    }

    [Fact]
    public void Starts_are_within_the_period_referrals_before_them_and_exits_by_the_end_of_October_2022()
    {
        Assert.All(People, p =>
        {
            Assert.InRange(p.StartDate, FslaPublished.PeriodStart, FslaPublished.PeriodEnd);
            Assert.InRange(p.ReferralDate, FslaPublished.PeriodStart, p.StartDate);
            if (p.Exit is { } exit)
                Assert.InRange(exit.ExitDate, p.StartDate.AddDays(1), FslaPublished.ExitsCountedBy);
        });
    }

    [Fact]
    public void Ages_at_start_are_18_to_64_and_only_the_young_are_in_the_young_target_group()
    {
        Assert.All(People, p =>
        {
            Assert.Equal(p.AgeAtStart, FslaDataset.AgeOn(p.BirthDate, p.StartDate));
            Assert.InRange(p.AgeAtStart, 18, 64);
            Assert.Equal(p.AgeAtStart <= 24, p.TargetGroups.Contains(TargetGroup.Young));
            Assert.NotEmpty(p.TargetGroups);
        });
        Assert.Contains(People, p => p.AgeAtStart <= 24);
        Assert.Contains(People, p => p.AgeAtStart >= 55);
    }

    [Fact]
    public void Personal_identity_numbers_are_valid_unique_and_carry_the_birth_date_and_gender()
    {
        Assert.Equal(People.Count, People.Select(p => p.PersonalIdentityNumber).Distinct().Count());
        Assert.All(People, p =>
        {
            var n = p.PersonalIdentityNumber;
            Assert.Matches(@"^\d{8}-9\d{3}$", n);
            var tenDigits = n[2..8] + n[9..];
            Assert.True(Luhn.IsValid(tenDigits), $"{n}: bad check digit");
            Assert.Equal($"{p.BirthDate:yyyyMMdd}", n[..8]);
            // The third of the four last digits: odd a man, even a woman.
            Assert.Equal(p.Gender == Gender.Man, (n[11] - '0') % 2 == 1);
        });
    }

    [Fact]
    public void Referrers_are_partners_and_Arbetsformedlingen_refers_no_one()
    {
        var partners = FslaActors.All.Where(a => a.Role == MemberRole.Partner).Select(a => a.Key).ToHashSet();
        Assert.All(People, p => Assert.Contains(p.ReferrerKey, partners));
        Assert.DoesNotContain(People, p => p.ReferrerKey == FslaActors.EmploymentService);
        Assert.All(People.Where(p => p.ReferrerKey.StartsWith("municipality-", StringComparison.Ordinal)),
            p => Assert.Equal(FslaActors.MunicipalityUnit(p.MunicipalityCode), p.ReferrerKey));
        // Most come from the labour-market units, which led the local work.
        Assert.True(People.Count(p => p.ReferrerKey.StartsWith("municipality-", StringComparison.Ordinal)) > People.Count / 2);
        Assert.Contains(People, p => p.ReferrerKey == FslaActors.SocialInsurance);
    }

    [Fact]
    public void Ocn_validations_are_84_of_whom_44_women_and_40_men_with_44_certificates_in_four_municipalities()
    {
        var validated = People.Where(p => p.Validation is not null).ToList();
        Assert.Equal(FslaPublished.OcnRegistered, validated.Count);
        Assert.Equal(FslaPublished.OcnWomen, validated.Count(p => p.Gender == Gender.Woman));
        Assert.Equal(FslaPublished.OcnMen, validated.Count(p => p.Gender == Gender.Man));
        Assert.Equal(FslaPublished.OcnCertificates, validated.Count(p => p.Validation!.CertificateIssued));
        var codes = FslaPublished.OcnMunicipalities.Select(n => FslaMunicipalities.ByName(n).Code).ToHashSet();
        Assert.All(validated, p =>
        {
            Assert.Contains(p.MunicipalityCode, codes);
            Assert.InRange(p.Validation!.Date, p.StartDate, p.Exit?.ExitDate ?? FslaPublished.ExitsCountedBy);
        });
    }

    [Fact]
    public void The_actors_are_the_owner_nine_labour_market_units_four_partners_and_Arbetsformedlingen_in_the_steering_group_only()
    {
        Assert.Equal(15, FslaActors.All.Count);
        Assert.Single(FslaActors.All, a => a.Role == MemberRole.Owner && a.Name == "Kommunförbundet Kalmar län");
        Assert.Equal(9, FslaActors.All.Count(a => a.Kind == ActorKind.Municipality));
        Assert.Equal(MemberRole.StrategicOnly, FslaActors.ByKey(FslaActors.EmploymentService).Role);
        Assert.All(FslaActors.All.Where(a => a.MunicipalityCode is not null), a => Assert.True(Municipalities.IsKnown(a.MunicipalityCode)));
        Assert.All(FslaMunicipalities.All, m => Assert.Equal(m.Name, Municipalities.NameOf(m.Code)));
    }

    [Fact]
    public void Organisation_numbers_are_valid_unique_and_the_same_in_every_run()
    {
        Assert.Equal(FslaActors.All.Count, FslaActors.All.Select(a => a.OrganisationNumber).Distinct().Count());
        Assert.All(FslaActors.All, a => Assert.True(OrganisationNumber.TryNormalise(a.OrganisationNumber, out _, out var error), error));
        Assert.Equal(FslaActors.OrganisationNumberFor(FslaActors.Owner), FslaActors.ByKey(FslaActors.Owner).OrganisationNumber);
    }

    private static string Describe(FslaParticipant p) =>
        $"{p.PersonalIdentityNumber} {p.MunicipalityCode} {p.ReferrerKey} {p.StartDate} {p.Exit} {p.Validation} {string.Join(',', p.TargetGroups)}";
}
