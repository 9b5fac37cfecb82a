namespace Samverkan.Employers.Model;

/// <summary>How close a participant's occupational interests come to the offer's SSYK code.</summary>
public enum OccupationFit
{
    /// <summary>The same four-digit yrkesgrupp.</summary>
    Exact,
    /// <summary>The same three-digit undergrupp.</summary>
    SameMinorGroup,
    /// <summary>The same two-digit yrkesområde.</summary>
    SameSubMajorGroup,
    None,
}

/// <summary>
/// Deterministic, explainable matching: nine criteria, each worth a fixed number of points (100 in all), each
/// reported as met or not with a code and Swedish text. No weights are learnt and nothing is random: the same
/// offer and profile always give the same score. The point functions take plain values so that the fast
/// ranking path (<see cref="CompiledProfile"/>) and the explained path share them and
/// cannot drift apart.
/// </summary>
public static class MatchScoring
{
    public const int OccupationMax = 25;
    public const int SkillsMax = 20;
    public const int SwedishMax = 10;
    public const int LicenceMax = 5;
    public const int DistanceMax = 15;
    public const int StartMax = 5;
    public const int HoursMax = 5;
    public const int AdaptationsMax = 10;
    public const int ReadinessMax = 5;
    public const int Max = OccupationMax + SkillsMax + SwedishMax + LicenceMax + DistanceMax + StartMax + HoursMax + AdaptationsMax + ReadinessMax;

    /// <summary>A start at most this many days after the offer's start date still gets part of the points.</summary>
    public const int StartGraceDays = 14;

    public static OccupationFit Occupation(string offerCode, IReadOnlyList<string> interests)
    {
        var best = OccupationFit.None;
        foreach (var code in interests)
        {
            var fit = code == offerCode ? OccupationFit.Exact
                : code.Length == 4 && offerCode.Length == 4 && code[..3] == offerCode[..3] ? OccupationFit.SameMinorGroup
                : code.Length == 4 && offerCode.Length == 4 && code[..2] == offerCode[..2] ? OccupationFit.SameSubMajorGroup
                : OccupationFit.None;
            if (fit < best) best = fit;
        }
        return best;
    }

    /// <summary>The same as <see cref="Occupation(string, IReadOnlyList{string})"/> on codes parsed to integers.</summary>
    public static OccupationFit Occupation(int offerCode, ReadOnlySpan<int> interests)
    {
        var best = OccupationFit.None;
        foreach (var code in interests)
        {
            var fit = code == offerCode ? OccupationFit.Exact
                : code / 10 == offerCode / 10 ? OccupationFit.SameMinorGroup
                : code / 100 == offerCode / 100 ? OccupationFit.SameSubMajorGroup
                : OccupationFit.None;
            if (fit < best) best = fit;
        }
        return best;
    }

    public static int OccupationPoints(OccupationFit fit) => fit switch
    {
        OccupationFit.Exact => OccupationMax,
        OccupationFit.SameMinorGroup => 15,
        OccupationFit.SameSubMajorGroup => 8,
        _ => 0,
    };

    /// <summary>Full points when nothing is required; otherwise the share met, rounded down.</summary>
    public static int SkillPoints(int met, int required) => required == 0 ? SkillsMax : SkillsMax * met / required;

    public static int SwedishPoints(SwedishLevel has, SwedishLevel required) =>
        has >= required ? SwedishMax : has + 1 == required ? 4 : 0;

    public static int LicencePoints(bool has, bool required) => !required || has ? LicenceMax : 0;

    public static int DistancePoints(DistanceBand band, int maxCommuteKm) => DistanceModel.WithinCommute(band, maxCommuteKm) ? DistanceMax : 0;

    public static int StartPoints(int availableFromDay, int startDay) =>
        availableFromDay <= startDay ? StartMax : availableFromDay - startDay <= StartGraceDays ? 2 : 0;

    public static int HoursPoints(decimal available, decimal offered) =>
        available >= offered ? HoursMax : available * 2 >= offered ? 2 : 0;

    /// <summary>The same rule on hours in tenths (the ranking path).</summary>
    public static int HoursPoints(int availableTenths, int offeredTenths) =>
        availableTenths >= offeredTenths ? HoursMax : availableTenths * 2 >= offeredTenths ? 2 : 0;

    /// <summary>Full points when nothing is needed; otherwise the share of needs the workplace offers, rounded down.</summary>
    public static int AdaptationPoints(int offered, int needed) => needed == 0 ? AdaptationsMax : AdaptationsMax * offered / needed;

    public static int ReadinessPoints(Readiness readiness) => readiness switch
    {
        Readiness.Ready => ReadinessMax,
        Readiness.SoonReady => 2,
        _ => 0,
    };

    /// <summary>Scores one pair and explains every criterion.</summary>
    public static MatchResult Score(MatchOffer offer, MatchCandidate candidate)
    {
        var reasons = new List<MatchReason>(9);

        var fit = Occupation(offer.OccupationCode, candidate.OccupationCodes);
        reasons.Add(Reason("occupation", fit switch
        {
            OccupationFit.Exact => "exact",
            OccupationFit.SameMinorGroup => "same-minor-group",
            OccupationFit.SameSubMajorGroup => "same-sub-major-group",
            _ => "none",
        }, OccupationPoints(fit), OccupationMax, fit switch
        {
            OccupationFit.Exact => $"Yrket ({offer.OccupationCode}) finns bland yrkesintressena.",
            OccupationFit.SameMinorGroup => $"Yrkesintresse i samma yrkesgrupp som {offer.OccupationCode} (samma tre första siffror i SSYK).",
            OccupationFit.SameSubMajorGroup => $"Yrkesintresse inom samma yrkesområde som {offer.OccupationCode} (samma två första siffror i SSYK).",
            _ => $"Inget yrkesintresse nära {offer.OccupationCode}.",
        }));

        var has = candidate.Skills.ToHashSet(StringComparer.Ordinal);
        var met = offer.RequiredSkills.Where(has.Contains).ToList();
        var missing = offer.RequiredSkills.Where(s => !has.Contains(s)).ToList();
        reasons.Add(Reason("skills", offer.RequiredSkills.Count == 0 ? "none-required" : missing.Count == 0 ? "all-met" : met.Count == 0 ? "none-met" : "some-met",
            SkillPoints(met.Count, offer.RequiredSkills.Count), SkillsMax,
            offer.RequiredSkills.Count == 0 ? "Inga färdigheter krävs."
            : missing.Count == 0 ? $"Har alla efterfrågade färdigheter: {string.Join(", ", met)}."
            : met.Count == 0 ? $"Saknar efterfrågade färdigheter: {string.Join(", ", missing)}."
            : $"Har {met.Count} av {offer.RequiredSkills.Count} efterfrågade färdigheter: {string.Join(", ", met)}. Saknar: {string.Join(", ", missing)}."));

        var swedish = SwedishPoints(candidate.SwedishLevel, offer.SwedishLevel);
        reasons.Add(Reason("swedish", swedish == SwedishMax ? "met" : swedish > 0 ? "one-level-below" : "below", swedish, SwedishMax,
            swedish == SwedishMax ? $"Svenska: {Swedish(candidate.SwedishLevel)}, krav {Swedish(offer.SwedishLevel)}: uppfyllt."
            : $"Svenska: {Swedish(candidate.SwedishLevel)}, krav {Swedish(offer.SwedishLevel)}: inte uppfyllt."));

        reasons.Add(Reason("driving-licence", !offer.DrivingLicence ? "not-required" : candidate.DrivingLicence ? "met" : "missing",
            LicencePoints(candidate.DrivingLicence, offer.DrivingLicence), LicenceMax,
            !offer.DrivingLicence ? "Körkort krävs inte." : candidate.DrivingLicence ? "Har körkort, som krävs." : "Körkort krävs men saknas."));

        var band = DistanceModel.Band(candidate.MunicipalityCode, offer.MunicipalityCode);
        var distance = DistancePoints(band, candidate.MaxCommuteKm);
        var within = distance == DistanceMax ? "inom" : "längre än";
        reasons.Add(Reason("distance", $"{Kebab(band)}-{(distance == DistanceMax ? "within" : "beyond")}-commute", distance, DistanceMax, band switch
        {
            DistanceBand.SameMunicipality => $"Samma kommun: {within} maxpendling {candidate.MaxCommuteKm} km.",
            DistanceBand.SameCounty => $"Samma län, annan kommun (räknas som ca {DistanceModel.SameCountyKm} km): {within} maxpendling {candidate.MaxCommuteKm} km.",
            _ => $"Annat län (räknas som ca {DistanceModel.OtherCountyKm} km): {within} maxpendling {candidate.MaxCommuteKm} km.",
        }));

        var start = StartPoints(candidate.AvailableFrom.DayNumber, offer.StartDate.DayNumber);
        reasons.Add(Reason("start-date", start == StartMax ? "available" : start > 0 ? "available-shortly-after" : "not-available",
            start, StartMax, start == StartMax
                ? $"Tillgänglig från {candidate.AvailableFrom:yyyy-MM-dd}, före eller vid start {offer.StartDate:yyyy-MM-dd}."
                : $"Tillgänglig först {candidate.AvailableFrom:yyyy-MM-dd}, efter start {offer.StartDate:yyyy-MM-dd}."));

        var hours = HoursPoints(candidate.HoursPerWeek, offer.HoursPerWeek);
        reasons.Add(Reason("hours", hours == HoursMax ? "met" : hours > 0 ? "at-least-half" : "below-half", hours, HoursMax,
            $"Kan arbeta {candidate.HoursPerWeek:0.#} timmar i veckan, platsen har {offer.HoursPerWeek:0.#}."));

        var offered = offer.AdaptationsOffered.ToHashSet(StringComparer.Ordinal);
        var needsMet = candidate.AdaptationsNeeded.Count(offered.Contains);
        var needed = candidate.AdaptationsNeeded.Count;
        // Counts only: what a person needs adapted may reveal health, and employers read these reasons too.
        reasons.Add(Reason("adaptations", needed == 0 ? "none-needed" : needsMet == needed ? "all-offered" : "some-missing",
            AdaptationPoints(needsMet, needed), AdaptationsMax,
            needed == 0 ? "Inga anpassningar behövs."
            : needsMet == needed ? $"Arbetsplatsen erbjuder alla {needed} anpassningar som behövs."
            : $"Arbetsplatsen erbjuder {needsMet} av {needed} anpassningar som behövs."));

        reasons.Add(Reason("readiness", Kebab(candidate.Readiness), ReadinessPoints(candidate.Readiness), ReadinessMax, candidate.Readiness switch
        {
            Readiness.Ready => "Redo för arbete.",
            Readiness.SoonReady => "Redo inom kort eller med stöd.",
            _ => "Inte redo för arbetsplats ännu.",
        }));

        return new MatchResult(candidate.ParticipantId, offer.OfferId, reasons.Sum(r => r.Points), reasons, met, missing, band);
    }

    /// <summary>Higher score first; on a tie the lower id, so equal scores always come in the same order.</summary>
    public static int Compare(int scoreA, Guid idA, int scoreB, Guid idB) =>
        scoreA != scoreB ? scoreB.CompareTo(scoreA) : idA.CompareTo(idB);

    private static MatchReason Reason(string criterion, string outcome, int points, int max, string text) =>
        new($"{criterion}.{outcome}", points == max, points, max, text);

    private static string Kebab<T>(T value) where T : struct, Enum => ServiceDefaults.Http.KebabCaseEnum.Name(value);

    private static string Swedish(SwedishLevel level) => level switch
    {
        SwedishLevel.None => "ingen",
        SwedishLevel.Basic => "grundläggande",
        SwedishLevel.Intermediate => "mellannivå",
        SwedishLevel.Advanced => "avancerad",
        _ => "flytande",
    };
}
