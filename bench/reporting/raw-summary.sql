-- anchors.md: one collaboration's gender × outcome counts (about N/50 rows, read through the index on collaboration).
\set c random(1, 50)
SELECT gender, outcome, count(*) FROM bench_raw_participants
WHERE collaboration_id = md5('bench-collaboration-' || :c)::uuid GROUP BY gender, outcome;
