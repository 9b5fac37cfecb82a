using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Scenarios;

/// <summary>
/// Builds the 437 FSLA participants from <see cref="FslaMunicipalities"/>: each cell of that table becomes
/// that many people, with start and exit dates in the period, ages 18–64, target groups, benefits and a
/// referring actor drawn from a fixed seed. The same seed gives the same records on every machine.
/// </summary>
public static class FslaDataset
{
    public const int DefaultSeed = 20230131;

    private static readonly DateOnly LastExitStart = new(2022, 5, 31);
    private static readonly DateOnly FirstActiveStart = new(2021, 9, 1);
    private static readonly DateOnly LastActiveStart = new(2022, 10, 15);

    public static IReadOnlyList<FslaParticipant> Build(int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var usedNumbers = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<FslaParticipant>();
        foreach (var municipality in FslaMunicipalities.All)
            foreach (var gender in (Gender[])[Gender.Woman, Gender.Man])
            {
                // The cell's outcomes in a shuffled order, so outcome is not tied to start date; null is still active.
                var outcomes = Outcomes(municipality.For(gender)).OrderBy(_ => random.Next()).ToList();
                foreach (var outcome in outcomes)
                    people.Add(Person(people.Count + 1, municipality.Code, gender, outcome, random, usedNumbers));
            }
        return AssignValidations(people, random);
    }

    /// <summary>A cell as a list of outcomes: work split 5:4:1 into employment, subsidised and self-employment.</summary>
    private static IEnumerable<ExitOutcome?> Outcomes(FslaCell cell)
    {
        for (var i = 0; i < cell.Work; i++)
            yield return (i % 10) switch { < 5 => ExitOutcome.Employment, < 9 => ExitOutcome.SubsidisedEmployment, _ => ExitOutcome.SelfEmployment };
        for (var i = 0; i < cell.Studies; i++) yield return ExitOutcome.Studies;
        for (var i = 0; i < cell.Internship; i++) yield return ExitOutcome.Internship;
        for (var i = 0; i < cell.JobSeeking; i++) yield return ExitOutcome.JobSeeking;
        for (var i = 0; i < cell.Other; i++) yield return ExitOutcome.Other;
        for (var i = 0; i < cell.StillActive; i++) yield return null;
    }

    private static FslaParticipant Person(int number, string municipalityCode, Gender gender, ExitOutcome? outcome, Random random, HashSet<string> usedNumbers)
    {
        DateOnly start;
        FslaExit? exit = null;
        if (outcome is { } leftTo)
        {
            start = Between(FslaPublished.PeriodStart, LastExitStart, random);
            var exitDate = start.AddDays(random.Next(30, 541));
            if (exitDate > FslaPublished.ExitsCountedBy)
                exitDate = FslaPublished.ExitsCountedBy;
            exit = new FslaExit(exitDate, leftTo);
        }
        else
            start = Between(FirstActiveStart, LastActiveStart, random);

        var age = random.NextDouble() switch { < 0.22 => random.Next(18, 25), < 0.36 => random.Next(25, 30), < 0.86 => random.Next(30, 55), _ => random.Next(55, 65) };
        // Born within the year before the age-th birthday before start; the age is then computed, not assumed.
        var birthDate = start.AddYears(-age - 1).AddDays(random.Next(1, 365));
        age = AgeOn(birthDate, start);
        var referral = start.AddDays(-random.Next(0, 31));
        if (referral < FslaPublished.PeriodStart)
            referral = FslaPublished.PeriodStart;

        var (groups, benefit, status) = Situation(age, random);
        return new FslaParticipant
        {
            Number = number,
            PersonalIdentityNumber = PersonalIdentityNumber(birthDate, gender, usedNumbers),
            Gender = gender,
            BirthDate = birthDate,
            AgeAtStart = age,
            MunicipalityCode = municipalityCode,
            ReferrerKey = Referrer(groups, municipalityCode, random),
            ReferralDate = referral,
            StartDate = start,
            TargetGroups = groups,
            BenefitAtStart = benefit,
            LabourMarketStatus = status,
            EducationLevel = random.NextDouble() switch
            {
                < 0.45 => EducationLevel.PrimaryOrLowerSecondary,
                < 0.90 => EducationLevel.UpperSecondaryOrPostSecondary,
                _ => EducationLevel.Tertiary,
            },
            Exit = exit,
        };
    }

    /// <summary>The target groups (young by age, plus one of the others), the benefit at start and the labour-market status.</summary>
    private static (IReadOnlyList<TargetGroup>, string, LabourMarketStatus) Situation(int age, Random random)
    {
        var young = age <= 24;
        var draw = random.NextDouble();
        if (young && draw < 0.5)
            return ([TargetGroup.Young], random.Next(2) == 0 ? "activity-support" : "financial-assistance", LabourMarketStatus.Unemployed);
        (TargetGroup group, string benefit, LabourMarketStatus status) main = random.NextDouble() switch
        {
            < 0.25 => (TargetGroup.NewlyArrived, random.Next(2) == 0 ? "establishment-benefit" : "financial-assistance", LabourMarketStatus.Unemployed),
            < 0.65 => (TargetGroup.LongTermUnemployed, random.Next(2) == 0 ? "activity-support" : "financial-assistance", LabourMarketStatus.LongTermUnemployed),
            < 0.85 => (TargetGroup.DisabilityReducedWorkCapacity, random.Next(2) == 0 ? "activity-compensation" : "sickness-compensation", LabourMarketStatus.Inactive),
            _ => (TargetGroup.SickListedReturningToWork, random.Next(2) == 0 ? "sickness-benefit" : "rehabilitation-benefit", LabourMarketStatus.Inactive),
        };
        IReadOnlyList<TargetGroup> groups = young ? [TargetGroup.Young, main.group] : [main.group];
        return (groups, main.benefit, main.status);
    }

    /// <summary>
    /// Mostly the home municipality's labour-market unit, which led the local work; the sick-listed come from
    /// Försäkringskassan, some with a disability from the region's health care, a few through Samordningsförbundet.
    /// Arbetsförmedlingen sat in the steering group only and refers no one.
    /// </summary>
    private static string Referrer(IReadOnlyList<TargetGroup> groups, string municipalityCode, Random random)
    {
        var draw = random.NextDouble();
        if (groups.Contains(TargetGroup.SickListedReturningToWork) && draw < 0.7)
            return FslaActors.SocialInsurance;
        if (groups.Contains(TargetGroup.DisabilityReducedWorkCapacity) && draw < 0.4)
            return FslaActors.Region;
        if (draw > 0.96)
            return FslaActors.CoordinationAssociation;
        return FslaActors.MunicipalityUnit(municipalityCode);
    }

    /// <summary>
    /// YYYYMMDD-NNNC with NNN from 980–999, the series kept for test numbers, whose last digit carries the legal
    /// sex (odd a man, even a woman), and C the Luhn digit over the ten-digit form.
    /// </summary>
    internal static string PersonalIdentityNumber(DateOnly birthDate, Gender gender, HashSet<string> used)
    {
        for (var serial = gender == Gender.Man ? 981 : 980; serial <= 999; serial += 2)
        {
            var body = $"{birthDate:yyMMdd}{serial}";
            var number = $"{birthDate:yyyyMMdd}-{serial}{Luhn.CheckDigit(body)}";
            if (used.Add(number))
                return number;
        }
        throw new InvalidOperationException($"More than ten people of one sex born on {birthDate:yyyy-MM-dd}.");
    }

    /// <summary>
    /// OCN in Emmaboda, Mönsterås, Torsås and Västervik: 84 registered (44 women, 40 men), 44 with a
    /// competence certificate (23 women, 21 men), validated between start and exit.
    /// </summary>
    private static List<FslaParticipant> AssignValidations(List<FslaParticipant> people, Random random)
    {
        var codes = FslaPublished.OcnMunicipalities.Select(n => FslaMunicipalities.ByName(n).Code).ToHashSet();
        var chosen = new Dictionary<int, FslaValidation>();
        foreach (var (gender, count, certificates) in new[] { (Gender.Woman, FslaPublished.OcnWomen, 23), (Gender.Man, FslaPublished.OcnMen, 21) })
        {
            var candidates = people.Where(p => p.Gender == gender && codes.Contains(p.MunicipalityCode))
                .OrderBy(_ => random.Next()).Take(count).ToList();
            for (var i = 0; i < candidates.Count; i++)
            {
                var p = candidates[i];
                var last = p.Exit?.ExitDate ?? FslaPublished.ExitsCountedBy;
                chosen[p.Number] = new FslaValidation(Between(p.StartDate, last, random), CertificateIssued: i < certificates);
            }
        }
        return people.Select(p => chosen.TryGetValue(p.Number, out var v) ? p with { Validation = v } : p).ToList();
    }

    internal static int AgeOn(DateOnly birthDate, DateOnly date) =>
        date.Year - birthDate.Year - ((date.Month, date.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0 ? 1 : 0);

    private static DateOnly Between(DateOnly first, DateOnly last, Random random) =>
        first.AddDays(random.Next(0, last.DayNumber - first.DayNumber + 1));
}
