using Microsoft.AspNetCore.Hosting;
using Samverkan.ServiceDefaults;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>The real Employers service in-process, on its own fresh database and the real broker.</summary>
public sealed class EmployersApiFactory() : ServiceApiFactory<Program>(ResourceNames.EmployersDb)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Employers:ContactWindowDays", "14");
    }
}
