using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Reporting.IntegrationTests;

public sealed class ReadModelRebuildTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    [Fact]
    public async Task A_rebuild_from_the_event_history_reproduces_every_count_and_report()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var enrolled = new List<ParticipantEnrolled>();
        foreach (var (gender, age, groups, status) in new (Gender, AgeBand?, TargetGroup[], LabourMarketStatus?)[]
        {
            (Gender.Woman, AgeBand.From18To24, [TargetGroup.Young, TargetGroup.NewlyArrived], LabourMarketStatus.LongTermUnemployed),
            (Gender.Man, null, [TargetGroup.LongTermUnemployed], null),
            (Gender.NonBinary, AgeBand.From55, [TargetGroup.Other], LabourMarketStatus.Inactive),
            (Gender.Woman, AgeBand.From25To29, [TargetGroup.Young], LabourMarketStatus.Unemployed),
        })
            enrolled.Add(TestEvents.Enrolled(collaboration, owner, gender, "0881", age: age, status: status) with { TargetGroups = groups });
        var employer = Guid.NewGuid();
        var offer = Guid.NewGuid();
        await factory.PublishAllAsync([
            new ActorRegistered { ActorId = owner, Name = "Nybro kommun", OrganisationNumber = "2120000712", Sector = ActorSector.Public, Kind = ActorKind.Municipality, RegisteredAt = DateTimeOffset.UtcNow },
            TestEvents.Created(collaboration, owner),
            new MemberJoined { CollaborationId = collaboration, ActorId = owner, Role = MemberRole.Owner, JoinedOn = new(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow },
            TestEvents.Exited(enrolled[3], ExitOutcome.Employment), // before its enrolment
            .. enrolled,
            TestEvents.Exited(enrolled[0], ExitOutcome.Studies, qualification: true),
            new ParticipantUpdated
            {
                ParticipantId = enrolled[1].ParticipantId, CollaborationId = collaboration, Gender = Gender.Woman, AgeBand = AgeBand.From30To54,
                MunicipalityCode = "0880", TargetGroups = [TargetGroup.LongTermUnemployed], UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(1),
            },
            new MonthlyHoursRecorded { ParticipantId = enrolled[0].ParticipantId, CollaborationId = collaboration, Month = new(2026, 3, 1), TotalHours = 40, RecordedAt = DateTimeOffset.UtcNow },
            new AgreementSigned
            {
                AgreementId = Guid.NewGuid(), CollaborationId = collaboration, ActorId = owner, Version = 1, ValidFrom = new(2026, 1, 1), ValidTo = new(2026, 12, 31),
                Contributions = [new AgreedContribution { Kind = ContributionKind.ParticipantReferrals, Quantity = 20, Unit = "participants" }], SignedAt = DateTimeOffset.UtcNow,
            },
            new EmployerRegistered
            {
                EmployerId = employer, Name = "Glasbruket AB", OrganisationNumber = "5560000001", IndustryCode = "23130", MunicipalityCode = "0881",
                SizeBand = SizeBand.Small, OwnerActorId = owner, RegisteredAt = DateTimeOffset.UtcNow,
            },
            new ContactLogged { ContactId = Guid.NewGuid(), EmployerId = employer, ActorId = owner, Date = new(2026, 3, 2), Channel = ContactChannel.Visit, Planned = false, LoggedAt = DateTimeOffset.UtcNow },
            new OfferPublished
            {
                OfferId = offer, EmployerId = employer, Kind = OfferKind.Internship, OccupationCode = "8181", MunicipalityCode = "0881", Places = 2,
                StartDate = new(2026, 4, 1), PublishedByActorId = owner, PublishedAt = DateTimeOffset.UtcNow,
            },
            new CandidatePresented
            {
                PipelineId = Guid.NewGuid(), ParticipantId = enrolled[2].ParticipantId, OfferId = offer, EmployerId = employer, PilotActorId = owner,
                PresentedOn = new(2026, 3, 12), OccurredAt = DateTimeOffset.UtcNow,
            },
        ]);
        var admin = factory.ClientFor(Roles.Operator);
        var reports = new[]
        {
            $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31",
            "/api/reports/regional?municipality=0881&asOf=2026-12-31",
            "/api/reports/regional?municipality=0880&asOf=2026-12-31",
            $"/api/reports/collaborations/{collaboration}/summary?from=2026-02-05&to=2027-01-15",
            $"/api/reports/collaborations/{collaboration}/summary?from=2026-01-01&to=2026-12-31",
        };
        var before = await SnapshotAsync(admin, collaboration, reports);
        // Damage the live read models first: a rebuild that did nothing would then leave the damage for the comparison.
        await DamageLiveReadModelsAsync(collaboration);
        var damaged = await SnapshotAsync(admin, collaboration, reports);
        Assert.NotEqual(before.Counts, damaged.Counts);
        Assert.NotEqual(before.Totals, damaged.Totals);
        Assert.NotEqual(before.PeriodCounts, damaged.PeriodCounts);
        Assert.NotEqual(before.Regional, damaged.Regional);
        Assert.NotEqual(before.Reports, damaged.Reports);

        var start = await admin.PostAsync("/api/reports/admin/rebuilds", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var statusUrl = start.Headers.Location!;
        await Eventually.Until(async () =>
        {
            var status = await admin.GetFromJsonAsync<JsonElement>(statusUrl);
            Assert.NotEqual("failed", status.GetProperty("state").GetString());
            return status.GetProperty("state").GetString() == "succeeded";
        }, TimeSpan.FromSeconds(60), "the rebuild to finish");
        var after = await SnapshotAsync(admin, collaboration, reports);

        Assert.Contains(before.Counts, c => c.StartsWith("exit-outcome|Employment|", StringComparison.Ordinal));
        Assert.Contains(before.Counts, c => c.StartsWith("days-to-first-contact|", StringComparison.Ordinal));
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Totals, after.Totals);
        Assert.Contains(before.PeriodCounts, c => c.StartsWith("started||", StringComparison.Ordinal));
        Assert.Equal(before.PeriodCounts, after.PeriodCounts);
        // The updated participant (a man in Nybro, 0881, then a woman in Kalmar, 0880) counts in Kalmar's row, as a woman.
        Assert.Contains(before.Regional, r => r.StartsWith($"{collaboration}|0880|", StringComparison.Ordinal) && r.Contains("started:Woman=1", StringComparison.Ordinal) && !r.Contains("started:Man", StringComparison.Ordinal));
        Assert.Equal(before.Regional, after.Regional);
        Assert.Equal(before.Reports, after.Reports);
    }

    [Fact]
    public async Task Rebuild_is_for_the_operator_only()
    {
        var response = await factory.ClientFor(Roles.Coordinator).PostAsync("/api/reports/admin/rebuilds", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var unknown = await factory.ClientFor(Roles.Operator).GetAsync($"/api/reports/admin/rebuilds/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Every live table the comparison reads, wrong by 100, announced as a change so no cached report hides it.</summary>
    private async Task DamageLiveReadModelsAsync(Guid collaboration)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.ReportingDbContext>();
        await db.Database.ExecuteSqlAsync($"UPDATE participant_counts SET count = count + 100 WHERE collaboration_id = {collaboration}");
        await db.Database.ExecuteSqlAsync($"UPDATE participant_totals SET count = count + 100 WHERE collaboration_id = {collaboration}");
        await db.Database.ExecuteSqlAsync($"UPDATE participant_period_counts SET count = count + 100 WHERE collaboration_id = {collaboration}");
        await db.Database.ExecuteSqlAsync(
            $"UPDATE regional_totals SET counts = (SELECT jsonb_object_agg(k, v::int + 100) FROM jsonb_each_text(counts) AS e(k, v)) WHERE scope = {collaboration}");
        await Infrastructure.ReadModelVersions.BumpAsync(db, [collaboration, Model.Dimensions.AllCollaborations], Guid.NewGuid(), CancellationToken.None);
    }

    private sealed record Snapshot(List<string> Counts, List<string> Totals, List<string> PeriodCounts, List<string> Regional, List<string> Reports);

    private async Task<Snapshot> SnapshotAsync(HttpClient client, Guid collaboration, IEnumerable<string> reports)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.ReportingDbContext>();
        var scopes = new[] { collaboration, Model.Dimensions.AllCollaborations };
        var counts = await db.ParticipantCounts.AsNoTracking().Where(c => scopes.Contains(c.CollaborationId) && c.Count != 0)
            .OrderBy(c => c.CollaborationId).ThenBy(c => c.Dimension).ThenBy(c => c.Key).ThenBy(c => c.Gender).ThenBy(c => c.Day)
            .Select(c => c.Dimension + "|" + c.Key + "|" + c.Gender + "|" + c.Day + "|" + c.Count + "|" + c.CollaborationId)
            .ToListAsync();
        var totals = await db.ParticipantTotals.AsNoTracking().Where(c => scopes.Contains(c.CollaborationId) && c.Count != 0)
            .OrderBy(c => c.CollaborationId).ThenBy(c => c.Dimension).ThenBy(c => c.Key).ThenBy(c => c.Gender)
            .Select(c => c.Dimension + "|" + c.Key + "|" + c.Gender + "|" + c.Count + "|" + c.CollaborationId)
            .ToListAsync();
        var periodCounts = await db.ParticipantPeriodCounts.AsNoTracking().Where(c => scopes.Contains(c.CollaborationId) && c.Count != 0)
            .OrderBy(c => c.CollaborationId).ThenBy(c => c.Dimension).ThenBy(c => c.Key).ThenBy(c => c.Gender).ThenBy(c => c.Months).ThenBy(c => c.Start)
            .Select(c => c.Dimension + "|" + c.Key + "|" + c.Gender + "|" + c.Months + "|" + c.Start + "|" + c.Count + "|" + c.CollaborationId)
            .ToListAsync();
        // Rows all at zero (a municipality every participant moved away from) stay where events put them; a rebuild has none.
        var regional = (await db.RegionalTotals.AsNoTracking().Where(r => scopes.Contains(r.Scope)).ToListAsync())
            .Select(r => (r.Scope, r.MunicipalityCode, Counts: JsonSerializer.Deserialize<SortedDictionary<string, int>>(r.Counts)!))
            .Where(r => r.Counts.Values.Any(c => c != 0)).OrderBy(r => r.Scope).ThenBy(r => r.MunicipalityCode, StringComparer.Ordinal)
            .Select(r => $"{r.Scope}|{r.MunicipalityCode}|{string.Join(',', r.Counts.Where(c => c.Value != 0).Select(c => $"{c.Key}={c.Value}"))}").ToList();
        var bodies = new List<string>();
        foreach (var url in reports)
            bodies.Add(await client.GetStringAsync(url));
        return new Snapshot(counts, totals, periodCounts, regional, bodies);
    }
}
