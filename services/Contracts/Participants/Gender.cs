namespace Samverkan.Contracts.Participants;

/// <summary>Gender as ESF+ breaks personal data down: women, men and non-binary persons. On the wire "woman", "man", "non-binary".</summary>
public enum Gender
{
    Woman = 1,
    Man = 2,
    NonBinary = 3,
}
