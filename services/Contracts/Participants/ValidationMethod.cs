namespace Samverkan.Contracts.Participants;

/// <summary>How skills were validated. On the wire "ocn", "kga", "other".</summary>
public enum ValidationMethod
{
    /// <summary>Open College Network.</summary>
    Ocn = 1,
    /// <summary>Kompetensgap-analys / kartläggning av kompetens.</summary>
    Kga = 2,
    Other = 3,
}
