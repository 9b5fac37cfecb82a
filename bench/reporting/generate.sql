-- Generates the event history of :n participants across 50 collaborations and every municipality in
-- :'municipalities' (a text[] literal), in exactly the rows Reporting's consumers append (EventHistory.AppendAsync:
-- type = the contract's name, payload = System.Text.Json web defaults: camelCase, enums as numbers, DateOnly as
-- "yyyy-MM-dd"). The same participants, one row each, go to bench_raw_participants: the plain-SQL anchor's table.
-- Deterministic (setseed), so a run at the same :n builds the same rows.
-- psql -v n=1000000 -v municipalities='{0114,...}' -f generate.sql
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET TimeZone = 'UTC';
SELECT setseed(0.42);

DROP TABLE IF EXISTS bench_raw_participants;
-- Start dates 2023-01-02 .. 2026-10-31; an exit for about 90 % (those whose exit falls before 2026-11-20),
-- outcomes roughly as the source reports give them (a third to work or studies).
CREATE UNLOGGED TABLE bench_raw_participants AS
SELECT i, md5('bench-participant-' || i)::uuid AS participant_id,
       md5('bench-collaboration-' || c)::uuid AS collaboration_id,
       g AS gender, m AS municipality_code, md5('bench-actor-' || r)::uuid AS referring_actor_id,
       age_band, target_groups, status, education, start_date,
       CASE WHEN exits THEN start_date + stay END AS exit_date,
       CASE WHEN exits THEN outcome END AS outcome,
       CASE WHEN exits THEN qualification END AS gained_qualification
FROM (
  SELECT i, 1 + floor(random() * 50)::int AS c,
         CASE WHEN x < 0.48 THEN 1 WHEN x < 0.98 THEN 2 ELSE 3 END AS g,
         (:'municipalities'::text[])[1 + floor(random() * cardinality(:'municipalities'::text[]))::int] AS m,
         1 + floor(random() * 20)::int AS r,
         CASE WHEN random() < 0.02 THEN NULL ELSE 1 + floor(random() * 5)::int END AS age_band,
         CASE WHEN random() < 0.7 THEN ARRAY[1 + floor(random() * 6)::int]
              ELSE ARRAY[1 + floor(random() * 3)::int, 4 + floor(random() * 3)::int] END AS target_groups,
         CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 4)::int END AS status,
         CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 3)::int END AS education,
         date '2023-01-02' + floor(random() * 1398)::int AS start_date,
         30 + floor(random() * 400)::int AS stay,
         random() < 0.92 AS will_exit,
         CASE WHEN y < 0.22 THEN 1 WHEN y < 0.30 THEN 2 WHEN y < 0.32 THEN 3 WHEN y < 0.40 THEN 4
              WHEN y < 0.47 THEN 5 WHEN y < 0.80 THEN 6 ELSE 7 END AS outcome,
         random() < 0.2 AS qualification
  FROM (SELECT i, random() AS x, random() AS y FROM generate_series(1, :n) AS i) AS s
) AS p
CROSS JOIN LATERAL (SELECT will_exit AND start_date + stay <= date '2026-11-20' AS exits) AS e;
CREATE INDEX ON bench_raw_participants (collaboration_id);

TRUNCATE event_history;
-- The history's secondary indexes are dropped for the load and built again after it, as they were defined.
CREATE TEMP TABLE bench_indexes AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = current_schema() AND tablename = 'event_history'
    AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'event_history'::regclass);
SELECT format('DROP INDEX %I', indexname) FROM bench_indexes \gexec

INSERT INTO event_history (message_id, type, payload, recorded_at)
SELECT md5('bench-actor-event-' || a)::uuid, 'ActorRegistered', jsonb_build_object(
         'actorId', md5('bench-actor-' || a)::uuid, 'name', 'Bench-aktör ' || a,
         'organisationNumber', '21200' || lpad(a::text, 5, '0'), 'sector', 1, 'kind', 1 + a % 6,
         'municipalityCode', (:'municipalities'::text[])[a], 'registeredAt', timestamptz '2022-12-01 08:00+00'),
       timestamptz '2022-12-01 08:00+00'
FROM generate_series(1, 20) AS a;

INSERT INTO event_history (message_id, type, payload, recorded_at)
SELECT md5('bench-collaboration-event-' || c)::uuid, 'CollaborationCreated', jsonb_build_object(
         'collaborationId', md5('bench-collaboration-' || c)::uuid, 'name', 'Bench-samverkan ' || c,
         'ownerActorId', md5('bench-actor-' || (1 + c % 20))::uuid, 'targetGroups', jsonb_build_array(1, 2, 3, 4, 5, 6),
         'municipalityCodes', to_jsonb(:'municipalities'::text[]), 'startDate', date '2023-01-01', 'endDate', date '2027-12-31',
         'financingSource', 1, 'budget', 10000000, 'participantTarget', greatest(1, :n / 50),
         'exitToWorkOrStudiesTargetShare', 35.0, 'createdAt', timestamptz '2022-12-15 08:00+00'),
       timestamptz '2022-12-15 08:00+00'
FROM generate_series(1, 50) AS c;

INSERT INTO event_history (message_id, type, payload, recorded_at)
SELECT md5('bench-enrolled-' || i)::uuid, 'ParticipantEnrolled', jsonb_build_object(
         'participantId', participant_id, 'collaborationId', collaboration_id, 'gender', gender, 'ageBand', age_band,
         'municipalityCode', municipality_code, 'referringActorId', referring_actor_id, 'referralDate', start_date - 7,
         'targetGroups', to_jsonb(target_groups), 'startDate', start_date, 'labourMarketStatusAtEntry', status,
         'educationLevelAtEntry', education, 'enrolledAt', (start_date + time '09:00') AT TIME ZONE 'UTC'),
       (start_date + time '09:00') AT TIME ZONE 'UTC'
FROM bench_raw_participants ORDER BY i;

INSERT INTO event_history (message_id, type, payload, recorded_at)
SELECT md5('bench-exited-' || i)::uuid, 'ParticipantExited', jsonb_build_object(
         'participantId', participant_id, 'collaborationId', collaboration_id, 'exitDate', exit_date, 'outcome', outcome,
         'gainedQualification', gained_qualification, 'exitedAt', (exit_date + time '15:00') AT TIME ZONE 'UTC'),
       (exit_date + time '15:00') AT TIME ZONE 'UTC'
FROM bench_raw_participants WHERE exit_date IS NOT NULL ORDER BY i;

SELECT indexdef FROM bench_indexes \gexec
VACUUM ANALYZE event_history;
VACUUM ANALYZE bench_raw_participants;
