namespace Samverkan.Contracts.Participants;

/// <summary>
/// Ersättning: the benefit a participant lives on. On the wire in kebab case ("activity-support"). Known to other services as
/// the benefit at start (<see cref="ParticipantEnrolled.BenefitAtStart"/>): reports break participants down by it, and ESF
/// co-financing is counted in the hours of participants on a benefit.
/// </summary>
public enum BenefitType
{
    /// <summary>Aktivitetsstöd.</summary>
    ActivitySupport = 1,
    /// <summary>Etableringsersättning.</summary>
    EstablishmentBenefit = 2,
    /// <summary>Sjukpenning.</summary>
    SicknessBenefit = 3,
    /// <summary>Rehabiliteringspenning.</summary>
    RehabilitationBenefit = 4,
    /// <summary>Aktivitetsersättning.</summary>
    ActivityCompensation = 5,
    /// <summary>Sjukersättning.</summary>
    SicknessCompensation = 6,
    /// <summary>Ekonomiskt bistånd.</summary>
    FinancialAssistance = 7,
    /// <summary>A-kassa.</summary>
    UnemploymentInsurance = 8,
    /// <summary>Lön.</summary>
    Salary = 9,
    /// <summary>Ingen.</summary>
    None = 10,
}
