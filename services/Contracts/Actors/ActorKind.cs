namespace Samverkan.Contracts.Actors;

/// <summary>What kind of organisation an actor is. On the wire as kebab-case, e.g. "employment-service".</summary>
public enum ActorKind
{
    /// <summary>Arbetsförmedlingen.</summary>
    EmploymentService = 1,
    /// <summary>Försäkringskassan.</summary>
    SocialInsurance = 2,
    Municipality = 3,
    Region = 4,
    /// <summary>Samordningsförbund.</summary>
    CoordinationAssociation = 5,
    EducationProvider = 6,
    /// <summary>Studieförbund.</summary>
    StudyAssociation = 7,
    CivilSocietyOrganisation = 8,
    Employer = 9,
    BusinessAssociation = 10,
    Other = 11,
}
