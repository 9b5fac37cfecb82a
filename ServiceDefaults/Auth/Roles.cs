namespace Samverkan.ServiceDefaults.Auth;

/// <summary>The values of the <c>role</c> claim. Authorization policies carry the same names.</summary>
public static class Roles
{
    public const string Caseworker = "caseworker";
    public const string Coordinator = "coordinator";
    public const string Employer = "employer";
    public const string Admin = "admin";

    public static readonly string[] All = [Caseworker, Coordinator, Employer, Admin];
}

/// <summary>Claim types in our tokens. Kept short and unmapped (no WS-* URIs).</summary>
public static class SamverkanClaims
{
    /// <summary>The caller's actor id: the agency (or employer) the caller acts for.</summary>
    public const string Agency = "agency";
    public const string Role = "role";
}

/// <summary>Named authorization policies, shared by the gateway and the services.</summary>
public static class Policies
{
    /// <summary>Any authenticated caller with a known role and an agency claim.</summary>
    public const string Authenticated = "authenticated";
    /// <summary>Agency staff: caseworkers, coordinators and admins.</summary>
    public const string AgencyStaff = "agency-staff";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";
}
