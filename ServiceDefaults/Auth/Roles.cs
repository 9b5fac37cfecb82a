namespace Samverkan.ServiceDefaults.Auth;

/// <summary>The values of the <c>role</c> claim. Authorization policies carry the same names.</summary>
public static class Roles
{
    public const string Caseworker = "caseworker";
    public const string Coordinator = "coordinator";
    public const string Employer = "employer";
    /// <summary>An agency's administrator: manages that agency's users and records, never another agency's.</summary>
    public const string Admin = "admin";
    /// <summary>The platform's operator: manages agencies' admins and platform-wide operations (rebuilds, erasure requests of any agency).</summary>
    public const string Operator = "operator";

    public static readonly string[] All = [Caseworker, Coordinator, Employer, Admin, Operator];
}

/// <summary>Claim types in our tokens. Kept short and unmapped (no WS-* URIs).</summary>
public static class SamverkanClaims
{
    /// <summary>The caller's actor id: the agency (or employer) the caller acts for.</summary>
    public const string Agency = "agency";
    public const string Role = "role";
    /// <summary>The scopes granted, space-separated (RFC 9068).</summary>
    public const string Scope = "scope";
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
    public const string Operator = "operator";
}
