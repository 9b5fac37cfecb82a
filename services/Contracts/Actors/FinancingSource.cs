namespace Samverkan.Contracts.Actors;

/// <summary>Where a collaboration's money comes from. On the wire: "esf-plus", "own", "other".</summary>
public enum FinancingSource
{
    /// <summary>European Social Fund Plus (Regulation 2021/1057), usually with national co-financing.</summary>
    EsfPlus = 1,
    /// <summary>The members' own budgets.</summary>
    Own = 2,
    Other = 3,
}
