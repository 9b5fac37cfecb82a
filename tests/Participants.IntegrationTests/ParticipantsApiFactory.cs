using Samverkan.Contracts.Participants;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Participants.Infrastructure;
using Samverkan.Participants.Model;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>
/// The real Participants service in-process, on its own fresh database, its own virtual host on the real
/// broker (so its queues never take messages meant for a platform running on the same broker), and its own
/// Data Protection key directory.
/// </summary>
public sealed class ParticipantsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JwtSettings Auth = new() { SigningKey = "participants-integration-tests-signing-key-0123456789" };
    public const string LookupKey = "participants-integration-tests-lookup-key-0123456789";
    private readonly string _virtualHost = $"participants-tests-{Guid.NewGuid():N}";
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"participants-tests-keys-{Guid.NewGuid():N}");
    private string _database = "";
    private Samverkan.Testing.Infrastructure _infra = null!;

    public string DatabaseConnectionString => _database;

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("participants");
        await _infra.Broker.CreateVirtualHostAsync(_virtualHost);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.ParticipantsDb}", _database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", $"{_infra.RabbitMqConnectionString.TrimEnd('/')}/{_virtualHost}");
        builder.UseSetting("Auth:SigningKey", Auth.SigningKey);
        builder.UseSetting("Participants:LookupKey", LookupKey);
        builder.UseSetting("Participants:KeyDirectory", _keyDirectory);
    }

    public HttpClient ClientFor(string role, Guid? agency = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(Auth, role, (agency ?? Guid.NewGuid()).ToString()));
        return client;
    }

    /// <summary>
    /// An actor as if its ActorRegistered had been consumed (that path has its own tests), so that it can refer
    /// participants.
    /// </summary>
    public async Task<Guid> KnownActorAsync(string name = "Arbetsförmedlingen")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParticipantsDbContext>();
        var actor = new KnownActor { Id = Guid.NewGuid(), Name = name, Sector = ActorSector.Public, Kind = ActorKind.EmploymentService };
        db.KnownActors.Add(actor);
        await db.SaveChangesAsync();
        return actor.Id;
    }

    /// <summary>Each row of <paramref name="table"/> as its JSON text, straight from PostgreSQL.</summary>
    public async Task<List<string>> RowsAsync(string table)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParticipantsDbContext>();
#pragma warning disable EF1002 // table names come from the tests, never from input
        return await db.Database.SqlQueryRaw<string>($"SELECT row_to_json(t)::text AS \"Value\" FROM {table} t").ToListAsync();
#pragma warning restore EF1002
    }

    public async Task<T> WithDbAsync<T>(Func<ParticipantsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ParticipantsDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _infra.DropDatabaseAsync(_database);
        await _infra.Broker.DeleteVirtualHostAsync(_virtualHost);
        try { Directory.Delete(_keyDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}

/// <summary>An enrolment body with valid defaults; tests change what they are about with <c>with</c>.</summary>
public sealed record EnrolBody
{
    public Guid? CollaborationId { get; init; } = Guid.NewGuid();
    public string? PersonalIdentityNumber { get; init; } = "811218-9876";
    public string? WithoutNumber { get; init; }
    public string? Name { get; init; }
    public string? Gender { get; init; }
    public string? BirthDate { get; init; }
    public string? MunicipalityCode { get; init; } = "0880";
    public Guid? ReferringActorId { get; init; }
    public string? ReferralDate { get; init; } = "2026-01-05";
    public string[]? TargetGroups { get; init; } = ["long-term-unemployed"];
    public string? BenefitAtStart { get; init; } = "activity-support";
    public string? LabourMarketStatus { get; init; } = "long-term-unemployed";
    public string? EducationLevel { get; init; } = "upper-secondary-or-post-secondary";
    public string? StartDate { get; init; } = "2026-01-10";
}

public static class ParticipantsClient
{
    public static Task<HttpResponseMessage> EnrolAsync(this HttpClient client, EnrolBody body) =>
        client.PostAsJsonAsync("/api/participants", body);
}
