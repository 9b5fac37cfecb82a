namespace Samverkan.Contracts.Actors;

/// <summary>What kind of intervention (insats) an actor offers in the shared catalogue. On the wire kebab-case.</summary>
public enum InterventionCategory
{
    /// <summary>Supported Employment / IPS.</summary>
    SupportedEmployment = 1,
    /// <summary>Arbetsträning.</summary>
    WorkTraining = 2,
    /// <summary>Praktik.</summary>
    Internship = 3,
    /// <summary>Validering (OCN, KGA).</summary>
    Validation = 4,
    /// <summary>Studie- och yrkesvägledning.</summary>
    StudyAndCareerGuidance = 5,
    /// <summary>Hälsofrämjande insatser.</summary>
    HealthPromotion = 6,
    /// <summary>Språkstöd.</summary>
    LanguageSupport = 7,
    /// <summary>Jobbsökaraktiviteter.</summary>
    JobSearch = 8,
    Other = 9,
}
