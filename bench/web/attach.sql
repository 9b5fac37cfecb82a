-- The participants generate.sql put in its collaboration 1 become the dashboard's collaboration's (:'collaboration',
-- created through Actors' API, whose CollaborationCreated Reporting has received and recorded): their enrolment and
-- exit events in Reporting's history and their rows in the raw table move onto it, and the generated collaboration 1
-- is dropped from the history. The read models are rebuilt from the history afterwards (dashboard.sh).
-- psql -v collaboration=UUID -f attach.sql
\set ON_ERROR_STOP 1
UPDATE event_history SET payload = jsonb_set(payload, '{collaborationId}', to_jsonb(:'collaboration'::text))
WHERE type IN ('ParticipantEnrolled', 'ParticipantExited')
  AND payload->>'collaborationId' = md5('bench-collaboration-1')::uuid::text;
DELETE FROM event_history WHERE message_id = md5('bench-collaboration-event-1')::uuid;
UPDATE bench_raw_participants SET collaboration_id = :'collaboration'::uuid
WHERE collaboration_id = md5('bench-collaboration-1')::uuid;
VACUUM ANALYZE event_history;
