namespace Samverkan.Contracts.Employers;

/// <summary>How an agency reached an employer.</summary>
public enum ContactChannel
{
    Phone,
    Visit,
    Meeting,
    Email,
    Other,
}
