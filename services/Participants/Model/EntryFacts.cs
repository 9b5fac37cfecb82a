using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>How the participant is identified.</summary>
public enum IdentityKind
{
    /// <summary>Personnummer.</summary>
    PersonalIdentityNumber = 1,
    /// <summary>Samordningsnummer.</summary>
    CoordinationNumber = 2,
    /// <summary>Enrolled without a number, by the participant's choice or for lack of one.</summary>
    Anonymous = 3,
    /// <summary>Skyddad identitet: the number is not recorded at all.</summary>
    ProtectedIdentity = 4,
}

public static class AgeBands
{
    public static AgeBand Of(int age) => age switch
    {
        < 18 => AgeBand.Under18,
        < 25 => AgeBand.From18To24,
        < 30 => AgeBand.From25To29,
        < 55 => AgeBand.From30To54,
        _ => AgeBand.From55,
    };
}

public static class Genders
{
    /// <summary>
    /// The gender recorded at enrolment: the one given, else the legal sex in the number; null when neither
    /// is known (a participant without a number must state it).
    /// </summary>
    public static Gender? Derive(Gender? given, PersonalIdentityNumber? number) =>
        given ?? number?.LegalSex switch
        {
            LegalSex.Woman => Gender.Woman,
            LegalSex.Man => Gender.Man,
            _ => null,
        };
}
