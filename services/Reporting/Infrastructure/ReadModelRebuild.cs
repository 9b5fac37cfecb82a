using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Consumers;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Rebuilds every read model from the event history, in one transaction that holds the history locked
/// against new events (consumers wait; none is lost or applied twice). The participant events, which grow
/// with participants, are rebuilt set-based in SQL; the rest (actors, collaborations, agreements, employers:
/// thousands, not millions) are replayed through the consumers' own apply code, in the order they arrived.
/// </summary>
/// <remarks>
/// The new read models are built in empty copies of the tables in a schema of their own, put first on the
/// transaction's search path so that the same SQL and the consumers' EF code write there, and swapped in at the
/// end (the live tables dropped, the copies moved into their schema) just before the commit. Reports keep
/// reading the live tables, and their old figures, while the rebuild runs: the only lock they can meet is the
/// swap's, held from the drop to the commit (milliseconds), after which PostgreSQL resolves their table names
/// again to the new tables.
/// </remarks>
public static class ReadModelRebuild
{
    public static readonly string[] Steps =
    [
        "lock-history", "create-shadow-tables", "replay-actors-collaborations-employers", "participant-facts", "participant-updates",
        "exits", "hours", "first-employer-contacts", "counters", "index-counters", "swap", "vacuum-analyze",
    ];

    /// <summary>Where the new read models are built; it exists only inside a rebuild's transaction.</summary>
    internal const string ShadowSchema = "read_model_rebuild";

    public static readonly string[] ReadModelTables =
    [
        "actor_facts", "collaboration_facts", "collaboration_members", "participant_facts", "participant_counts", "participant_period_counts",
        "participant_totals", "regional_totals", "cross_counts", "participant_exits", "participant_hours", "hours_by_month", "first_employer_contacts", "employer_facts", "employer_contacts",
        "offer_facts", "placement_facts", "agreement_versions", "assessment_scores",
    ];

    /// <summary>Indexed after they are filled, not row by row: millions of rows go into them.</summary>
    private static readonly string[] IndexedAtTheEnd = ["participant_facts", "participant_counts", "participant_period_counts", "cross_counts"];

    private delegate Task Replay(ReportingDbContext db, string payload, CancellationToken ct);

    private static readonly Dictionary<string, Replay> Replayed = new[]
    {
        Of<ActorRegistered>(db => new ActorRegisteredConsumer(db)), Of<ActorUpdated>(db => new ActorUpdatedConsumer(db)),
        Of<CollaborationCreated>(db => new CollaborationCreatedConsumer(db)), Of<CollaborationUpdated>(db => new CollaborationUpdatedConsumer(db)),
        Of<MemberJoined>(db => new MemberJoinedConsumer(db)), Of<MemberLeft>(db => new MemberLeftConsumer(db)),
        Of<AgreementSigned>(db => new AgreementSignedConsumer(db)), Of<AgreementAmended>(db => new AgreementAmendedConsumer(db)),
        Of<AgreementTerminated>(db => new AgreementTerminatedConsumer(db)), Of<AssessmentSubmitted>(db => new AssessmentSubmittedConsumer(db)),
        Of<EmployerRegistered>(db => new EmployerRegisteredConsumer(db)), Of<EmployerUpdated>(db => new EmployerUpdatedConsumer(db)),
        Of<ContactLogged>(db => new ContactLoggedConsumer(db)), Of<OfferPublished>(db => new OfferPublishedConsumer(db)),
        Of<OfferFilled>(db => new OfferFilledConsumer(db)), Of<OfferClosed>(db => new OfferClosedConsumer(db)),
        Of<PlacementStarted>(db => new PlacementStartedConsumer(db)), Of<PlacementEnded>(db => new PlacementEndedConsumer(db)),
    }.ToDictionary(x => x.Key, x => x.Value);

    private static KeyValuePair<string, Replay> Of<TMessage>(Func<ReportingDbContext, ReportingConsumer<TMessage>> consumer) where TMessage : class =>
        new(typeof(TMessage).Name, (db, payload, ct) => consumer(db).ApplyAsync(JsonSerializer.Deserialize<TMessage>(payload, EventHistory.Options)!, ct));

    /// <param name="progress">Called as each step starts, with its index in <see cref="Steps"/>.</param>
    public static async Task RebuildAsync(ReportingDbContext db, Action<int>? progress = null, CancellationToken ct = default)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var step = 0;
        void Next() => progress?.Invoke(step++);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Next();
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE event_history IN SHARE ROW EXCLUSIVE MODE", ct);
        Next();
        var live = await db.Database.SqlQueryRaw<string>("SELECT current_schema() AS \"Value\"").SingleAsync(ct);
        await CreateShadowTablesAsync(db, live, ct);
        // Grouped in memory, in parallel where it pays (reports' connections run without): millions of rows go into the largest tables.
        await db.Database.ExecuteSqlRawAsync("""
            SET LOCAL work_mem = '256MB';
            SET LOCAL maintenance_work_mem = '512MB';
            SET LOCAL max_parallel_workers_per_gather = 2;
            """, ct);

        Next();
        await ReplayAsync(db, ct);

        Next();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO participant_facts (participant_id, collaboration_id, gender, age_band, municipality_code, referring_actor_id, target_groups,
                start_date, labour_market_status, education_level, benefit_at_start, updated_at, revision)
            SELECT DISTINCT ON (p, c) p, c, g, a, m, r, tg, s, l, e, b, t, v FROM (
                SELECT id, (payload->>'participantId')::uuid AS p, (payload->>'collaborationId')::uuid AS c, (payload->>'gender')::int AS g,
                    (payload->>'ageBand')::int AS a, payload->>'municipalityCode' AS m, (payload->>'referringActorId')::uuid AS r,
                    ARRAY(SELECT DISTINCT v::int FROM jsonb_array_elements_text(payload->'targetGroups') AS v) AS tg,
                    (payload->>'startDate')::date AS s, (payload->>'labourMarketStatusAtEntry')::int AS l,
                    (payload->>'educationLevelAtEntry')::int AS e, (payload->>'benefitAtStart')::int AS b, (payload->>'enrolledAt')::timestamptz AS t,
                    coalesce((payload->>'revision')::bigint, 0) AS v
                FROM event_history WHERE type = 'ParticipantEnrolled') AS x
            ORDER BY p, c, id
            """, ct);
        await db.Database.ExecuteSqlRawAsync("""
            ALTER TABLE participant_facts ADD CONSTRAINT "PK_participant_facts" PRIMARY KEY (participant_id, collaboration_id);
            CREATE INDEX "IX_participant_facts_collaboration_id_start_date" ON participant_facts (collaboration_id, start_date);
            """, ct);
        Next();
        await ReplayCorrectionsAsync(db, ct);
        Next();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO participant_exits (participant_id, collaboration_id, exit_date, outcome, gained_qualification)
            SELECT DISTINCT ON ((payload->>'participantId')::uuid, (payload->>'collaborationId')::uuid)
                (payload->>'participantId')::uuid, (payload->>'collaborationId')::uuid, (payload->>'exitDate')::date, (payload->>'outcome')::int,
                (payload->>'gainedQualification')::boolean
            FROM event_history WHERE type = 'ParticipantExited'
            ORDER BY (payload->>'participantId')::uuid, (payload->>'collaborationId')::uuid, id
            """, ct);
        Next();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO participant_hours (participant_id, collaboration_id, month, hours, recorded_at)
            SELECT DISTINCT ON (p, c, month) p, c, month, hours, t FROM (
                SELECT id, (payload->>'participantId')::uuid AS p, (payload->>'collaborationId')::uuid AS c,
                    date_trunc('month', (payload->>'month')::date)::date AS month, (payload->>'totalHours')::numeric AS hours,
                    (payload->>'recordedAt')::timestamptz AS t
                FROM event_history WHERE type = 'MonthlyHoursRecorded') AS x
            ORDER BY p, c, month, t DESC, id;
            INSERT INTO hours_by_month (collaboration_id, month, hours, participants)
            SELECT collaboration_id, month, sum(hours), count(*) FILTER (WHERE hours > 0) FROM participant_hours GROUP BY 1, 2;
            """, ct);
        Next();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO first_employer_contacts (participant_id, presented_on)
            SELECT (payload->>'participantId')::uuid, min((payload->>'presentedOn')::date)
            FROM event_history WHERE type = 'CandidatePresented' GROUP BY 1
            """, ct);

        Next();
        await CounterRebuild.RebuildAsync(db, ct);
        Next();
        await db.Database.ExecuteSqlRawAsync("""
            ALTER TABLE participant_counts ADD CONSTRAINT "PK_participant_counts" PRIMARY KEY (collaboration_id, dimension, key, gender, day);
            CREATE INDEX "IX_participant_counts_collaboration_id_dimension_day" ON participant_counts (collaboration_id, dimension, day) INCLUDE (key, gender, count);
            ALTER TABLE participant_period_counts ADD CONSTRAINT "PK_participant_period_counts" PRIMARY KEY (collaboration_id, dimension, key, gender, months, start);
            CREATE INDEX "IX_participant_period_counts_scope_dimension_months_start" ON participant_period_counts (collaboration_id, dimension, months, start) INCLUDE (key, gender, count);
            ALTER TABLE cross_counts ADD CONSTRAINT "PK_cross_counts" PRIMARY KEY (scope, rows, columns, row_key, column_key, gender);
            """, ct);

        Next();
        await SwapAsync(db, live, ct);
        await transaction.CommitAsync(ct);

        // Statistics for the planner and the visibility map for index-only scans, now rather than whenever
        // autovacuum gets to millions of new rows: the first reports after a rebuild are planned and read well.
        // Outside the transaction (VACUUM cannot run in one); reports already read the new tables.
        Next();
        var vacuum = "VACUUM (ANALYZE) " + string.Join(", ", ReadModelTables.Select(t => $"{Quote(live)}.{Quote(t)}"));
        await db.Database.ExecuteSqlRawAsync(vacuum, ct);
    }

    /// <summary>
    /// Empty copies of the read-model tables in <see cref="ShadowSchema"/>, first on the search path for the rest
    /// of the transaction; with the live tables' constraints and indexes under the same names (what migrations
    /// refer to), except for <see cref="IndexedAtTheEnd"/>, which the rebuild indexes once it has filled them.
    /// </summary>
    private static async Task CreateShadowTablesAsync(ReportingDbContext db, string live, CancellationToken ct)
    {
        var schema = Quote(ShadowSchema);
        var sql = new System.Text.StringBuilder($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};\n");
        foreach (var table in ReadModelTables)
            sql.Append($"CREATE TABLE {schema}.{Quote(table)} (LIKE {Quote(live)}.{Quote(table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED);\n");
        var copied = ReadModelTables.Except(IndexedAtTheEnd).ToArray();
        var constraints = await db.Database.SqlQuery<string>($"""
            SELECT format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', {ShadowSchema}::text, t.relname, c.conname, pg_get_constraintdef(c.oid)) AS "Value"
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = {live} AND t.relname = ANY({copied}) AND c.contype IN ('p', 'u', 'x')
            """).ToListAsync(ct);
        // An index's definition names its table schema-qualified; the copy's index goes on the copy, by the same name.
        var indexes = await db.Database.SqlQuery<string>($"""
            SELECT replace(pg_get_indexdef(i.indexrelid), ' ON ' || quote_ident(n.nspname) || '.', ' ON ' || quote_ident({ShadowSchema}::text) || '.') AS "Value"
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = {live} AND t.relname = ANY({copied})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """).ToListAsync(ct);
        // Storage parameters (a fillfactor) are not copied by LIKE.
        var parameters = await db.Database.SqlQuery<string>($"""
            SELECT format('ALTER TABLE %I.%I SET (%s)', {ShadowSchema}::text, t.relname, array_to_string(t.reloptions, ', ')) AS "Value"
            FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = {live} AND t.relname = ANY({ReadModelTables}) AND t.reloptions IS NOT NULL
            """).ToListAsync(ct);
        foreach (var statement in constraints.Concat(indexes).Concat(parameters))
            sql.Append(statement).Append(";\n");
        sql.Append($"SET LOCAL search_path = {schema}, {Quote(live)};");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct);
    }

    /// <summary>The live tables dropped and the rebuilt ones moved in their place, in the rebuild's transaction.</summary>
    private static async Task SwapAsync(ReportingDbContext db, string live, CancellationToken ct)
    {
        var schema = Quote(ShadowSchema);
        var sql = new System.Text.StringBuilder();
        sql.Append("DROP TABLE ").AppendJoin(", ", ReadModelTables.Select(t => $"{Quote(live)}.{Quote(t)}")).Append(";\n");
        foreach (var table in ReadModelTables)
            sql.Append($"ALTER TABLE {schema}.{Quote(table)} SET SCHEMA {Quote(live)};\n");
        sql.Append($"DROP SCHEMA {schema}; SET LOCAL search_path = {Quote(live)};\n");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct);
        // Every report cached from the old tables is out of date from the commit on.
        await ReadModelVersions.BumpAsync(db, [ReadModelVersions.Global], Guid.NewGuid(), ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ReplayAsync(ReportingDbContext db, CancellationToken ct)
    {
        var types = Replayed.Keys.ToArray();
        long after = 0;
        while (true)
        {
            var batch = await db.EventHistory.AsNoTracking().Where(e => e.Id > after && types.Contains(e.Type))
                .OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
                return;
            foreach (var record in batch)
            {
                await Replayed[record.Type](db, record.Payload, ct);
                // Saved one by one: a consumer's lookups must see what the one before it added.
                await db.SaveChangesAsync(ct);
            }
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }

    /// <summary>
    /// Every correction in the history, in the order it arrived, through the live consumer's own rule
    /// (<see cref="ParticipantUpdatedConsumer.Correct"/>: newer revisions win), onto the facts the enrolments made. A
    /// correction that arrived before its enrolment is applied after it, as the live enrolment does. Corrections are few
    /// beside enrolments; each batch is one read of its facts and one round of updates.
    /// </summary>
    private static async Task ReplayCorrectionsAsync(ReportingDbContext db, CancellationToken ct)
    {
        const string type = nameof(ParticipantUpdated);
        long after = 0;
        while (true)
        {
            var batch = await db.EventHistory.AsNoTracking().Where(e => e.Id > after && e.Type == type).OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
                return;
            var corrections = batch.Select(e => JsonSerializer.Deserialize<ParticipantUpdated>(e.Payload, EventHistory.Options)!).ToList();
            var ids = corrections.Select(c => c.ParticipantId).Distinct().ToList();
            var facts = await db.ParticipantFacts.Where(f => ids.Contains(f.ParticipantId)).ToDictionaryAsync(f => (f.ParticipantId, f.CollaborationId), ct);
            foreach (var correction in corrections)
                if (facts.TryGetValue((correction.ParticipantId, correction.CollaborationId), out var fact))
                    ParticipantUpdatedConsumer.Correct(fact, correction);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }
}
