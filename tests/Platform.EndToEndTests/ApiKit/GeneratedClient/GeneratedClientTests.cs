using System.Reflection;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests.ApiKit.GeneratedClient;

/// <summary>
/// What an agency's developer does: generate a C# client from the gateway's documents (Kiota, now, from the documents the
/// running platform serves), compile it, and run a day's work with it. <c>AgencyDay.cs</c> uses only generated types:
/// a document that lies or says too little breaks the compilation or the day.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GeneratedClientTests(PlatformFixture platform)
{
    private static readonly string[] UsedServices = [ResourceNames.Actors, ResourceNames.Participants, ResourceNames.Reporting];

    [Fact]
    public async Task A_client_generated_from_the_documents_registers_enrols_records_hours_exits_and_reads_the_summary()
    {
        var work = Directory.CreateTempSubdirectory("samverkan-generated-client-");
        var keep = true; // what was generated stays for a look when the test fails
        try
        {
            var documents = new Dictionary<string, string>();
            foreach (var service in UsedServices)
            {
                documents[service] = Path.Combine(work.FullName, $"{service}.json");
                await File.WriteAllTextAsync(documents[service], await platform.Anonymous.GetStringAsync($"/openapi/{service}.json"));
            }
            await KiotaGenerator.GenerateAsync(documents, Path.Combine(work.FullName, "clients"));
            var assembly = ClientCompiler.Compile("Agency.Clients",
                Directory.EnumerateFiles(Path.Combine(work.FullName, "clients"), "*.cs", SearchOption.AllDirectories), AgencyDaySource());

            var day = assembly.GetType("Agency.AgencyDay", throwOnError: true)!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!;
            Func<string, Guid?, HttpClient> clients = (role, agency) => platform.ClientFor(role, agency);
            Func<Func<Task<bool>>, string, Task> until = (condition, what) => Eventually.Until(condition, TimeSpan.FromSeconds(30), what);
            var facts = await (Task<IReadOnlyDictionary<string, object?>>)day.Invoke(null, [clients, platform.Platform.Gateway, until, TestNumbers.NewOrganisationNumber()])!;

            Assert.Equal("employment", facts["exitOutcome"]);
            Assert.Equal(12.5m, facts["februaryHours"]);
            Assert.Equal(1, facts["summaryExits"]);
            Assert.Equal(1, facts["summaryStarted"]);
            Assert.Equal(Roles.Coordinator, facts["role"]);
            keep = false;
        }
        finally
        {
            if (!keep)
                work.Delete(recursive: true);
        }
    }

    private static string AgencyDaySource()
    {
        using var stream = typeof(GeneratedClientTests).Assembly.GetManifestResourceStream("AgencyDay.cs")
            ?? throw new InvalidOperationException("AgencyDay.cs is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }
}
