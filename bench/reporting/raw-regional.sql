-- anchors.md: the regional view, municipality × gender with work-or-studies counts, over every row.
SELECT municipality_code, gender, count(*) AS started, count(outcome) AS exited,
       count(*) FILTER (WHERE outcome BETWEEN 1 AND 4) AS work_or_studies
FROM bench_raw_participants GROUP BY municipality_code, gender;
