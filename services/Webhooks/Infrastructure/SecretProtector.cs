using Microsoft.AspNetCore.DataProtection;

namespace Samverkan.Webhooks.Infrastructure;

/// <summary>
/// Endpoint secrets are encrypted in the database (ASP.NET Core Data Protection, the key ring outside the database in
/// <c>Webhooks:KeyDirectory</c>): a copy of the database alone does not let anyone sign messages an agency would trust.
/// Applied as a value converter (<see cref="WebhooksDbContext"/>), so the model and the API see the secret as shown.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Samverkan.Webhooks.EndpointSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string stored) => _protector.Unprotect(stored);
}
