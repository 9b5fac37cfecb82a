namespace Samverkan.Contracts.Participants;

/// <summary>Labour-market status at entry, as the ESF+ common output indicators count it. On the wire kebab-case.</summary>
public enum LabourMarketStatus
{
    /// <summary>Unemployed, not long-term.</summary>
    Unemployed = 1,
    LongTermUnemployed = 2,
    /// <summary>Neither employed nor looking for work.</summary>
    Inactive = 3,
    /// <summary>Employed, including self-employed.</summary>
    Employed = 4,
}
