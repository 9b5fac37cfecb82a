namespace Samverkan.Contracts.Actors;

/// <summary>Who a collaboration is for (målgrupp). On the wire as kebab-case, e.g. "long-term-unemployed".</summary>
public enum TargetGroup
{
    /// <summary>Unga, 18–24 (or up to 29 in some programmes).</summary>
    Young = 1,
    /// <summary>Nyanlända.</summary>
    NewlyArrived = 2,
    /// <summary>Långtidsarbetslösa.</summary>
    LongTermUnemployed = 3,
    /// <summary>Funktionsnedsättning som medför nedsatt arbetsförmåga.</summary>
    DisabilityReducedWorkCapacity = 4,
    /// <summary>Sjukskrivna på väg tillbaka till arbete.</summary>
    SickListedReturningToWork = 5,
    Other = 6,
}
