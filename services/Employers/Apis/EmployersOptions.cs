namespace Samverkan.Employers.Apis;

/// <summary>Settings of the <c>Employers</c> configuration section.</summary>
public sealed class EmployersOptions
{
    public const string Section = "Employers";

    /// <summary>
    /// Days before and after a contact within which another agency's contact with the same employer is
    /// warned about (<c>Employers:ContactWindowDays</c>).
    /// </summary>
    public int ContactWindowDays { get; set; } = Model.ContactWindow.DefaultDays;
}
