using System.Diagnostics;
using System.Net;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Scenarios;

public sealed record FslaLoaderOptions
{
    public int Seed { get; init; } = FslaDataset.DefaultSeed;
    /// <summary>Requests in flight at once: a handful of caseworkers, not a flood.</summary>
    public int Parallelism { get; init; } = 8;
    /// <summary>How long to wait for other services to learn of the actors and the collaboration from events.</summary>
    public TimeSpan EventDeadline { get; init; } = TimeSpan.FromMinutes(2);
    public bool Validations { get; init; } = true;
    public TextWriter Progress { get; init; } = TextWriter.Null;
}

public sealed record FslaLoadResult(
    Guid CollaborationId, Guid OwnerActorId, IReadOnlyDictionary<string, Guid> ActorIds,
    IReadOnlyList<FslaParticipant> People, IReadOnlyDictionary<int, Guid> ParticipantIds, int Exits, int Validations);

/// <summary>
/// Enters the FSLA scenario through the gateway the way the agencies would: an admin registers the actors,
/// the owner's coordinator creates the collaboration with its members, and each participant is enrolled,
/// validated and exited by a caseworker of the agency that referred them. Running it again finds what is
/// there (actors by organisationsnummer, the collaboration by name, participants by personnummer, exits)
/// and adds only what is missing.
/// </summary>
public sealed partial class FslaLoader(GatewayClient api, FslaLoaderOptions options)
{
    /// <summary>The agency claim of the admin who registers the actors: no actor of its own.</summary>
    public static readonly Guid RegistrarAgency = new("f51a0000-0000-4000-8000-000000000001");

    private TextWriter Out => options.Progress;

    /// <summary>Another seed is other people: they go into a collaboration of their own, not on top of the default's.</summary>
    private string CollaborationName => options.Seed == FslaDataset.DefaultSeed
        ? FslaPublished.CollaborationName
        : $"{FslaPublished.CollaborationName} (seed {options.Seed})";

    public async Task<FslaLoadResult> LoadAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var people = FslaDataset.Build(options.Seed);
        Out.WriteLine($"FSLA: {people.Count} participants, {people.Count(p => p.Exit is not null)} exits, {FslaActors.All.Count} actors; gateway {api.BaseAddress}");

        var actorIds = await RegisterActorsAsync(ct);
        var ownerId = actorIds[FslaActors.Owner];
        var collaborationId = await CreateCollaborationAsync(actorIds, ct);
        await WaitForKnownActorsAsync(people.Select(p => actorIds[p.ReferrerKey]).Distinct().ToList(), ownerId, ct);

        var ids = new System.Collections.Concurrent.ConcurrentDictionary<int, Guid>();
        var first = people[0];
        ids[first.Number] = await EnrolFirstAsync(first, collaborationId, actorIds, ct);
        Out.WriteLine($"  first enrolment accepted ({clock.Elapsed.TotalSeconds:0} s)");

        int done = 0, exits = 0, validations = 0;
        var validationsSupported = options.Validations ? 1 : 0;
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (person, token) =>
        {
            var agency = actorIds[person.ReferrerKey];
            var id = ids.TryGetValue(person.Number, out var known) ? known : await EnrolAsync(person, collaborationId, agency, token);
            ids[person.Number] = id;
            if (person.Validation is { } validation && Volatile.Read(ref validationsSupported) == 1)
            {
                switch (await ValidateAsync(id, person, validation, agency, token))
                {
                    case true: Interlocked.Increment(ref validations); break;
                    case null:
                        if (Interlocked.Exchange(ref validationsSupported, 0) == 1)
                            Out.WriteLine("  this platform has no validations endpoint: OCN validations left out");
                        break;
                }
            }
            if (person.Exit is { } exit && await ExitAsync(id, exit, agency, token))
                Interlocked.Increment(ref exits);
            var n = Interlocked.Increment(ref done);
            if (n % 25 == 0 || n == people.Count)
                Out.WriteLine($"  {n,3}/{people.Count} participants entered, {Volatile.Read(ref exits)} exits ({clock.Elapsed.TotalSeconds:0} s)");
        });

        Out.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0} s: {ids.Count} participants, {exits} exits and {validations} OCN validations recorded now "
                      + $"(the rest by an earlier run); collaboration {collaborationId}, summary at /api/reports/collaborations/{collaborationId}/summary");
        return new FslaLoadResult(collaborationId, ownerId, actorIds, people, ids, exits, validations);
    }

    private async Task<Dictionary<string, Guid>> RegisterActorsAsync(CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var actor in FslaActors.All)
        {
            var response = await api.PostAsync("/api/actors", new
            {
                name = actor.Name, organisationNumber = actor.OrganisationNumber, sector = actor.Sector, kind = actor.Kind,
                municipalityCode = actor.MunicipalityCode,
            }, Roles.Admin, RegistrarAgency, ct);
            ids[actor.Key] = response.Status switch
            {
                HttpStatusCode.Created => response.Id,
                HttpStatusCode.Conflict => await FindActorAsync(actor, ct),
                _ => throw Unexpected($"registering {actor.Name}", response),
            };
        }
        Out.WriteLine($"  {ids.Count} actors registered");
        return ids;
    }

    /// <summary>An actor registered by an earlier run: by name, then the organisationsnummer that identifies it.</summary>
    private async Task<Guid> FindActorAsync(FslaActor actor, CancellationToken ct)
    {
        var response = await api.GetAsync($"/api/actors?name={Uri.EscapeDataString(actor.Name)}&pageSize=200", Roles.Admin, RegistrarAgency, ct);
        if (!response.IsSuccess) throw Unexpected($"looking up {actor.Name}", response);
        foreach (var item in response.Body.GetProperty("items").EnumerateArray())
            if (item.GetProperty("organisationNumber").GetString() == actor.OrganisationNumber)
                return item.GetProperty("id").GetGuid();
        throw new InvalidOperationException(
            $"organisationsnummer {actor.OrganisationNumber} is taken by an actor not named {actor.Name}: not the scenario's, left alone.");
    }

    private async Task<Guid> CreateCollaborationAsync(IReadOnlyDictionary<string, Guid> actorIds, CancellationToken ct)
    {
        var owner = actorIds[FslaActors.Owner];
        var existing = await api.GetAsync("/api/collaborations?pageSize=200", Roles.Coordinator, owner, ct);
        if (existing.IsSuccess)
            foreach (var item in existing.Body.GetProperty("items").EnumerateArray())
                if (item.GetProperty("name").GetString() == CollaborationName && item.GetProperty("ownerActorId").GetGuid() == owner)
                {
                    Out.WriteLine($"  collaboration found from an earlier run: {item.GetProperty("id").GetGuid()}");
                    return item.GetProperty("id").GetGuid();
                }

        var response = await api.PostAsync("/api/collaborations", new
        {
            name = CollaborationName,
            purpose = "Öka förutsättningarna för dem som står långt ifrån arbetsmarknaden att komma till en långsiktig sysselsättning, "
                      + "arbete eller studier, och skapa en strategisk samverkan mellan de deltagande aktörerna.",
            targetGroups = new[] { TargetGroup.Young, TargetGroup.NewlyArrived, TargetGroup.LongTermUnemployed,
                TargetGroup.DisabilityReducedWorkCapacity, TargetGroup.SickListedReturningToWork },
            geography = FslaMunicipalities.All.Select(m => m.Code).ToArray(),
            startDate = FslaPublished.PeriodStart,
            endDate = FslaPublished.PeriodEnd,
            // The report gives no budget; zero says "not stated" rather than inventing one.
            financing = new { source = FinancingSource.EsfPlus, programmeArea = "Socialfonden, mål 2:3", budget = 0m },
            targets = new
            {
                participants = new { total = FslaPublished.TargetTotal, women = FslaPublished.TargetWomen, men = FslaPublished.TargetMen },
                exitToWorkOrStudiesShare = (decimal)FslaPublished.TargetWorkOrStudiesPercent,
            },
            ownerGoals = new[] { "Effektiv och hållbar regional samverkan bland aktörer med verksamhet riktad till personer utanför arbetsmarknaden." },
            members = FslaActors.All.Where(a => a.Role != MemberRole.Owner)
                .Select(a => new { actorId = actorIds[a.Key], role = a.Role, joinedOn = FslaPublished.PeriodStart }).ToArray(),
        }, Roles.Coordinator, owner, ct);
        if (response.Status != HttpStatusCode.Created) throw Unexpected("creating the collaboration", response);
        Out.WriteLine($"  collaboration created: {response.Id}");
        return response.Id;
    }

    /// <summary>Participants learns of actors from Actors' events; a referral from an actor it does not know is refused.</summary>
    private async Task WaitForKnownActorsAsync(IReadOnlyCollection<Guid> referrers, Guid asAgency, CancellationToken ct)
    {
        await Until(async () =>
        {
            var known = new HashSet<Guid>();
            for (var page = 1; ; page++)
            {
                var response = await api.GetAsync($"/api/participants/actors?pageSize=200&page={page}", Roles.Caseworker, asAgency, ct);
                if (!response.IsSuccess) return false;
                var items = response.Body.GetProperty("items").EnumerateArray().ToList();
                known.UnionWith(items.Select(i => i.GetProperty("id").GetGuid()));
                if (items.Count < 200) break;
            }
            return referrers.All(known.Contains);
        }, "Participants to know the referring actors", ct);
        Out.WriteLine($"  Participants knows the {referrers.Count} referring actors");
    }

    private async Task Until(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > options.EventDeadline)
                throw new TimeoutException($"Waited {options.EventDeadline.TotalSeconds:0} s for {what}.");
            await Task.Delay(250, ct);
        }
    }

    private static InvalidOperationException Unexpected(string doing, ApiResponse response) =>
        new($"The platform refused {doing}: {response}");
}
