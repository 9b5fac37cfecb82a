using Samverkan.Contracts.Participants;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Participants.Infrastructure;
using Samverkan.Participants.Model;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>
/// The real Participants service in-process, on its own fresh database, its own virtual host on the real
/// broker (so its queues never take messages meant for a platform running on the same broker), and its own
/// Data Protection key directory.
/// </summary>
public sealed class ParticipantsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Samverkan.Testing.IdentityProcess _identity = null!;
    public Samverkan.Testing.IdentityProcess Identity => _identity;
    public const string LookupKey = "participants-integration-tests-lookup-key-0123456789";
    private readonly string _virtualHost = $"participants-tests-{Guid.NewGuid():N}";
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"participants-tests-keys-{Guid.NewGuid():N}");
    private string _database = "";
    private Samverkan.Testing.Infrastructure _infra = null!;

    public string DatabaseConnectionString => _database;

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _identity = await Samverkan.Testing.IdentityProcess.GetAsync();
        _database = await _infra.CreateDatabaseAsync("participants");
        await _infra.Broker.CreateVirtualHostAsync(_virtualHost);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.ParticipantsDb}", _database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", $"{_infra.RabbitMqConnectionString.TrimEnd('/')}/{_virtualHost}");
        builder.UseSetting("Auth:Authority", _identity.Authority.ToString());
        builder.UseSetting("Participants:LookupKey", LookupKey);
        builder.UseSetting("Participants:KeyDirectory", _keyDirectory);
    }

    public HttpClient ClientFor(string role, Guid? agency = null)
    {
        var actor = agency ?? Guid.NewGuid();
        var client = CreateDefaultClient(_identity.Tokens.Handler(role, actor));
        Callers.AddOrUpdate(client, new Caller(this, actor));
        return client;
    }

    /// <summary>Who a client from <see cref="ClientFor"/> is, so that <see cref="ParticipantsClient.EnrolAsync"/> can prepare its collaboration.</summary>
    internal sealed record Caller(ParticipantsApiFactory Factory, Guid Agency);

    internal static readonly ConditionalWeakTable<HttpClient, Caller> Callers = new();

    private readonly ConcurrentDictionary<Guid, Guid> _collaborationOwners = new();
    private readonly ConcurrentDictionary<(Guid, Guid), Task> _members = new();

    /// <summary>
    /// Makes <paramref name="collaborationId"/> known with <paramref name="actorId"/> a member since 2000: publishes
    /// Actors' real events (CollaborationCreated, with the first actor asked for as owner, and MemberJoined) through the
    /// broker and waits until the service's consumers have applied them. Once per collaboration and actor.
    /// </summary>
    public Task MemberAsync(Guid collaborationId, Guid actorId) =>
        _members.GetOrAdd((collaborationId, actorId), _ => MakeMemberAsync(collaborationId, actorId));

    private async Task MakeMemberAsync(Guid collaborationId, Guid actorId)
    {
        var owner = _collaborationOwners.GetOrAdd(collaborationId, actorId);
        if (owner == actorId)
            await PublishAsync(Collaboration(collaborationId, owner));
        await PublishAsync(new MemberJoined
        {
            CollaborationId = collaborationId, ActorId = actorId, Role = owner == actorId ? MemberRole.Owner : MemberRole.Partner,
            JoinedOn = new DateOnly(2000, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
        });
        await Eventually.Until(
            () => WithDbAsync(async db => await db.KnownCollaborations.AnyAsync(c => c.Id == collaborationId)
                                          && await db.MembershipChanges.AnyAsync(m => m.CollaborationId == collaborationId && m.ActorId == actorId)),
            TimeSpan.FromSeconds(30), $"collaboration {collaborationId} with member {actorId} to be consumed");
    }

    /// <summary>Publishes <paramref name="message"/> on this factory's virtual host, as the publishing service's outbox would.</summary>
    /// <returns>The message id, to wait for it in the inbox.</returns>
    public async Task<Guid> PublishAsync<T>(T message) where T : class
    {
        // Published before the consumers' queues are bound, a message would be dropped by the exchange.
        var bus = Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var id = NewId.NextGuid();
        await bus.Publish(message, context => context.MessageId = id);
        return id;
    }

    /// <summary>Waits until the service's consumers have taken every one of <paramref name="messageIds"/> (they are in its inbox).</summary>
    public Task ConsumedAsync(params Guid[] messageIds) =>
        Eventually.Until(() => WithDbAsync(db => db.InboxMessages.CountAsync(m => messageIds.Contains(m.MessageId))),
            n => n == messageIds.Length, TimeSpan.FromSeconds(30), $"{messageIds.Length} messages to be consumed");

    public static CollaborationCreated Collaboration(Guid id, Guid owner, DateTimeOffset? createdAt = null) => new()
    {
        CollaborationId = id, Name = "Samverkan test", OwnerActorId = owner, TargetGroups = [TargetGroup.LongTermUnemployed],
        MunicipalityCodes = ["0880"], StartDate = new DateOnly(2000, 1, 1), EndDate = new DateOnly(2030, 12, 31),
        FinancingSource = FinancingSource.EsfPlus, Budget = 1_000_000m, ParticipantTarget = 100, ExitToWorkOrStudiesTargetShare = 60m,
        CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
    };

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
    /// <summary>
    /// Enrols as the tests usually mean it: first the collaboration is made known, with the referring actor (the body's,
    /// else the client's agency) as a member, through Actors' events. <see cref="PostEnrolmentAsync"/> sends as is.
    /// </summary>
    public static async Task<HttpResponseMessage> EnrolAsync(this HttpClient client, EnrolBody body)
    {
        if (body.CollaborationId is { } collaboration && ParticipantsApiFactory.Callers.TryGetValue(client, out var caller))
            await caller.Factory.MemberAsync(collaboration, body.ReferringActorId ?? caller.Agency);
        return await client.PostEnrolmentAsync(body);
    }

    public static Task<HttpResponseMessage> PostEnrolmentAsync(this HttpClient client, EnrolBody body) =>
        client.PostAsJsonAsync("/api/participants", body);
}
