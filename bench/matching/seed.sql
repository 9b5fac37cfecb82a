-- 100,000 matching profiles, each with an anonymous-profile-to-employers consent in force, spread
-- deterministically (no random()) over 290 municipalities, 40 SSYK codes, 20 skills, every Swedish level,
-- readiness and availability, so runs are comparable. :agency is the owning agency (the referring actor of each
-- participant's enrolment), :employer_actor the employer every consent names; :municipalities is the SCB list as a
-- text array literal.
\set ON_ERROR_STOP on
BEGIN;
WITH pools AS (
  SELECT :'municipalities'::text[] AS mun,
         ARRAY['2512','2511','2514','3312','3313','3314','4111','4112','4222','5120','5131','5132','5221','5223','5311',
               '5321','5330','5411','7111','7112','7119','7121','7122','7131','7212','7213','7411','7412','7521','8211',
               '8311','8321','8332','9111','9112','9411','9412','9520','9621','9629']::text[] AS occ,
         ARRAY['truckkort','svets','kassa','excel','b-körkort','städ','lager','kundservice','barnskötsel','kock',
               'elektriker','snickeri','målning','trädgård','körkort c','hygienpass','heta arbeten','ssg entre','adr','engelska']::text[] AS skill,
         ARRAY['None','Basic','Intermediate','Advanced','Fluent']::text[] AS swe,
         ARRAY['NotReady','SoonReady','Ready']::text[] AS ready,
         ARRAY['anpassade arbetstider','tyst rum','hörselslinga','rullstolsanpassat','handledare på plats']::text[] AS adapt
)
INSERT INTO matching_profiles (participant_id, owner_actor_id, occupation_codes, skills, swedish_level, languages, municipality_code,
  max_commute_km, available_from, hours_per_week, adaptations_needed, readiness, driving_licence, created_at)
SELECT md5('bench-profile-' || i)::uuid, :'agency'::uuid,
       CASE WHEN i % 3 = 0 THEN jsonb_build_array(occ[1 + (i * 7) % 40])
            ELSE jsonb_build_array(occ[1 + (i * 7) % 40], occ[1 + (i * 13) % 40]) END,
       (SELECT coalesce(jsonb_agg(DISTINCT s ORDER BY s), '[]'::jsonb)
          FROM unnest(ARRAY[skill[1 + (i * 3) % 20], skill[1 + (i * 11) % 20], skill[1 + (i * 17) % 20]]) WITH ORDINALITY AS t(s, k)
         WHERE k <= i % 4),
       swe[1 + i % 5], '[]'::jsonb, mun[1 + (i * 31) % array_length(mun, 1)],
       (i * 17) % 120, DATE '2026-10-01' + (i % 90), 10 + i % 31,
       CASE WHEN i % 7 = 0 THEN jsonb_build_array(adapt[1 + i % 5]) ELSE '[]'::jsonb END,
       ready[1 + i % 3], i % 2 = 0, now()
FROM pools, generate_series(1, 100000) AS i;

INSERT INTO participant_consents (consent_id, participant_id, purpose, recipient_actor_id, given_on)
SELECT md5('bench-consent-' || i)::uuid, md5('bench-profile-' || i)::uuid, 'AnonymousProfileToEmployers', :'employer_actor'::uuid, DATE '2026-11-01'
FROM generate_series(1, 100000) AS i;

INSERT INTO enrolments (participant_id, collaboration_id, start_date, referring_actor_id)
SELECT md5('bench-profile-' || i)::uuid, md5('bench-collaboration')::uuid, DATE '2026-10-01', :'agency'::uuid
FROM generate_series(1, 100000) AS i;
COMMIT;
ANALYZE matching_profiles;
ANALYZE participant_consents;
ANALYZE enrolments;
