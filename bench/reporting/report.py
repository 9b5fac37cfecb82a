"""Writes bench/results/<date>-reporting.md from the figures bench/reporting/run.sh collected.
Usage: report.py RAW.tsv REBUILDS.tsv CHECKS.txt COMMAND MACHINE_MD DURATION WARMUP CLIENTS EVENT_RATE"""
import csv, sys

raw_path, rebuilds_path, checks_path, command, machine, duration, warmup, clients, event_rate = sys.argv[1:10]
rows = list(csv.DictReader(open(raw_path), delimiter="\t"))
rebuilds = list(csv.DictReader(open(rebuilds_path), delimiter="\t"))
checks = open(checks_path).read().rstrip()
scales = sorted({int(r["participants"]) for r in rows} | {int(r["participants"]) for r in rebuilds})
ms = lambda us: float(us) / 1000


def get(n, target, c):
    for r in rows:
        if int(r["participants"]) == n and r["target"] == target and r["clients"] == str(c):
            return r
    return None


COLD = [("http-summary-cold", "summary via gateway, cold"), ("http-summary-year-cold", "summary for a period in 2025 via gateway, cold"),
        ("http-regional-cold", "regional view via gateway, cold")]
out = []
p = out.append
p("# Reporting at scale — collaboration summary, regional view and rebuild")
p("")
p(f"Produced by `{command}` (usage at the top of `bench/reporting/run.sh`). Goals from issue 6: with 1,000,000")
p("participants across 50 collaborations and all 290 municipalities, through the gateway, the collaboration summary at")
p("p99 ≤ 10 ms and the regional view at p99 ≤ 20 ms, at most a fifth of the raw aggregate over the same rows in the same")
p("run, at a cost that stays flat from 10,000 to 1,000,000 participants; a full rebuild of 1,000,000 participants' events")
p("in ≤ 3 minutes. anchors.md's yardsticks for the raw aggregates: ~11 ms (one collaboration), ~95 ms (regional).")
p("")
p("## Machine")
p("")
p(machine)
p("")
p("## Set-up")
p("")
p("- Reporting and the gateway from the Release build (`Production`, log level Warning, rate limit out of reach), on")
p("  PostgreSQL and RabbitMQ on localhost (database `bench_reporting_reportingdb`, vhost `bench-reporting`), copied to a")
p("  temporary folder and run from there. Load generator (wrk, pgbench), gateway, Reporting and PostgreSQL share the cores.")
p("- Data (`bench/reporting/generate.sql`, deterministic): N participants, each enrolled in one of 50 collaborations at")
p("  random, home municipality uniform over all 290, gender 48 % women / 50 % men / 2 % non-binary, 5 age bands, 1–2")
p("  target groups, 20 referring actors, start dates 2023-01-02 … 2026-10-31; about 90 % exited (stay 30–430 days, exit")
p("  before 2026-11-20) with an outcome (40 % to work or studies). Written straight into Reporting's `event_history` in")
p("  the consumers' format (ActorRegistered ×20, CollaborationCreated ×50, ParticipantEnrolled ×N, ParticipantExited),")
p("  because publishing millions of events through RabbitMQ would take hours here; the same participants, one row each,")
p("  into `bench_raw_participants` (collaboration, municipality, gender, referrer, outcome, dates; index on collaboration):")
p("  anchors.md's table. No MonthlyHoursRecorded, employer or agreement events: the two reports measured do not read them")
p("  except hours by month (empty here).")
p("- Rebuild: `POST /api/reports/admin/rebuilds` through the gateway with the operator's token (RS256 from the identity service), polled every 0.5 s until the")
p("  status says `succeeded`; the time is the client's (POST → status read as done) and the status's own")
p("  `finishedAt − startedAt`; its last step vacuums and analyzes the read models it built. Then `ANALYZE` of the rest")
p("  (raw table, history), and the rebuilt `participant_totals` are compared cell by cell with the raw table (started and exits")
p("  by outcome per collaboration × gender; municipality × gender across collaborations), and the API's totals too.")
p("- Raw anchor (same database, same rows, same run): `raw-summary.sql` (one random collaboration's gender × outcome counts)")
p("  and `raw-regional.sql` (municipality × gender with exited and work-or-studies counts over every row), by `pgbench -n`,")
p("  latencies from its per-transaction log. Reports: `GET /api/reports/collaborations/{random of 50}/summary` and")
p("  `GET /api/reports/regional` (all collaborations, every municipality) through the gateway as the operator (exact counts; a")
p("  coordinator's request for its own collaboration asks one small query more first: does its agency own the")
p("  collaboration or belong to it), by `wrk --latency`. The raw queries are timed in the database")
p("  alone; the reports include HTTP, the gateway's auth and proxying, and JSON — the ratio favours the raw side.")
p("- Reports are cached in Reporting until the figures they read change (versions per scope — the collaboration, all")
p("  collaborations, everything — raised in every consumer's and the rebuild's transaction, checked with one query per")
p("  request): the repeated requests above are cache hits after the first of each collaboration. The **cold** rows make")
p("  every request a different report, so each is built from the read models, which is what every request meets while")
p("  events for its scope keep arriving: summary and regional view as of a random date years ahead (the same figures as")
p("  today, a new cache key each time), and the summary for a period from a random day of January 2025 to a random day of")
p("  December 2025 (read as the year's rows less what lies outside, or the months and edge days, whichever is fewer rows).")
p(f"- Each measurement: {warmup} warm-up, then {duration}, with 1 client (latency: the goals' p99) and with {clients}")
p("  clients (throughput on the saturated machine). The machine was checked for quiet (< 20 % busy, waited up to 60 s)")
p("  before each size's rebuild and again before its measurements; the last column of the raw figures is that reading.")
p("")
p("## Rebuild and read-model size")
p("")
p("| participants | events in history | generate (s) | rebuild, client (s) | rebuild, server (s) | ANALYZE (s) | participant_counts rows | participant_totals rows | participant_period_counts rows | database (MB) | busy before |")
p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rebuilds:
    p(f'| {int(r["participants"]):,} | {int(r["events"]):,} | {r["generate_s"]} | {r["rebuild_s"]} | {r["server_rebuild_s"]} | {r["analyze_s"]} | '
      f'{int(r["counts_rows"]):,} | {int(r["totals_rows"]):,} | {int(r.get("period_rows") or 0):,} | {r["db_mb"]} | {r["busy_before_pct"]}% |')
p("")
p("Checks:")
p("")
p("```")
p(checks)
p("```")
p("")
for c in ["1", clients]:
    p(f"## Latency and throughput, {c} client{'s' if c != '1' else ''}")
    p("")
    p("| participants | query | req/s | p50 (ms) | p99 (ms) | requests | errors | Reporting CPU ms/req | gateway CPU ms/req |")
    p("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in scales:
        for target, label in [("raw-summary", "raw SQL, one collaboration"), ("http-summary", "summary via gateway"),
                              ("http-summary-year", "summary for 2025 via gateway"),
                              ("raw-regional", "raw SQL, regional"), ("http-regional", "regional view via gateway")] + COLD:
            r = get(n, target, c)
            if r:
                p(f'| {n:,} | {label} | {float(r["rps"]):,.0f} | {ms(r["p50_us"]):.2f} | {ms(r["p99_us"]):.2f} | {int(r["requests"]):,} | {r["errors"]} | {r["reporting_cpu_ms_per_req"]} | {r["gateway_cpu_ms_per_req"]} |')
    p("")

EVENTS = [("http-summary+events", "summary via gateway", "http-summary"), ("http-summary-year+events", "summary for 2025 via gateway", "http-summary-year"),
          ("http-regional+events", "regional view via gateway", "http-regional")]
if any(get(n, t, 1) for n in scales for t, _, _ in EVENTS):
    p(f"## While events flow ({event_rate} a second, 1 client)")
    p("")
    p("The repeated requests again, while bench/EventBench publishes enrolments and exits in the 50 collaborations onto")
    p("RabbitMQ and Reporting consumes them: each event outdates its collaboration's cached reports and the regional view")
    p("(all collaborations). Reporting's CPU per request includes consuming the events. Beside each, the same request with")
    p("no events (cache hits) and built afresh on every request (cold), from the tables above.")
    p("")
    p("| participants | query | req/s | p50 (ms) | p99 (ms) | requests | errors | Reporting CPU ms/req | p50 / p99 with no events (ms) | p50 / p99 cold (ms) |")
    p("|---:|---|---:|---:|---:|---:|---:|---:|---|---|")
    for n in scales:
        for target, label, quiet in EVENTS:
            r = get(n, target, 1)
            if r:
                q, c = get(n, quiet, 1), get(n, quiet + "-cold", 1)
                pair = lambda x: f'{ms(x["p50_us"]):.2f} / {ms(x["p99_us"]):.2f}' if x else "-"
                p(f'| {n:,} | {label} | {float(r["rps"]):,.0f} | {ms(r["p50_us"]):.2f} | {ms(r["p99_us"]):.2f} | {int(r["requests"]):,} | {r["errors"]} | {r["reporting_cpu_ms_per_req"]} | {pair(q)} | {pair(c)} |')
    p("")

p("## Ratios to the raw aggregate (same run, same rows, 1 client)")
p("")
ratios = {}
for title, pairs in [("", [("http-summary", "raw-summary"), ("http-summary-year", "raw-summary"), ("http-regional", "raw-regional")]),
                     ("cold ", [("http-summary-cold", "raw-summary"), ("http-summary-year-cold", "raw-summary"), ("http-regional-cold", "raw-regional")])]:
  p(f"| participants | {title}summary p50 / raw p50 | {title}summary p99 / raw p99 | {title}summary 2025 p50 / raw p50 | {title}summary 2025 p99 / raw p99 | {title}regional p50 / raw p50 | {title}regional p99 / raw p99 |")
  p("|---:|---:|---:|---:|---:|---:|---:|")
  for n in scales:
    cells = []
    for report, raw in pairs:
        a, b = get(n, report, 1), get(n, raw, 1)
        for k in ["p50_us", "p99_us"]:
            v = float(a[k]) / float(b[k]) if a and b and float(b[k]) > 0 else float("nan")
            ratios[(n, report, k)] = v
            cells.append(f"{v:.2f}")
    p(f"| {n:,} | " + " | ".join(cells) + " |")
  p("")

p("## Flat from 10,000 to 1,000,000? (1 client)")
p("")
p("Latencies depend on what else ran on the two cores at the time (see `busy_before_pct` in the raw figures); the CPU")
p("time Reporting spends per request does not, so it is the steadier measure of whether the cost grows with participants.")
p("")
p("| query | p50 at each size (ms) | p99 at each size (ms) | p50 largest / smallest | Reporting CPU ms/req at each size, 1 client | the same, " + clients + " clients |")
p("|---|---|---|---:|---|---|")
flat = {}
for target, label in [("http-summary", "summary via gateway"), ("http-summary-year", "summary for 2025 via gateway"),
                      ("http-regional", "regional view via gateway")] + COLD + [("raw-summary", "raw SQL, one collaboration"), ("raw-regional", "raw SQL, regional")]:
    rs = [get(n, target, 1) for n in scales]
    if all(rs):
        f = float(rs[-1]["p50_us"]) / float(rs[0]["p50_us"])
        flat[target] = f
        cpu1 = ", ".join(r["reporting_cpu_ms_per_req"] for r in rs)
        cpun = ", ".join((get(n, target, clients) or {}).get("reporting_cpu_ms_per_req", "?") for n in scales)
        p(f'| {label} | {", ".join("%.2f" % ms(r["p50_us"]) for r in rs)} | {", ".join("%.2f" % ms(r["p99_us"]) for r in rs)} | {f:.2f} | {cpu1} | {cpun} |')
p("")

big = 1000000 if 1000000 in scales else scales[-1]
p(f"## Against the goals (at {big:,} participants)")
p("")
p("| goal | measured | met? |")
p("|---|---:|---|")
yes = lambda ok: "yes" if ok else "**no**"
s, g = get(big, "http-summary", 1), get(big, "http-regional", 1)
if s:
    p(f"| collaboration summary p99 ≤ 10 ms | {ms(s['p99_us']):.2f} ms | {yes(ms(s['p99_us']) <= 10)} |")
    r = ratios[(big, "http-summary", "p99_us")]
    p(f"| collaboration summary ≤ 1/5 of the raw aggregate (p99) | {r:.2f} × | {yes(r <= 0.2)} |")
if g:
    p(f"| regional view p99 ≤ 20 ms | {ms(g['p99_us']):.2f} ms | {yes(ms(g['p99_us']) <= 20)} |")
    r = ratios[(big, "http-regional", "p99_us")]
    p(f"| regional view ≤ 1/5 of the raw aggregate (p99) | {r:.2f} × | {yes(r <= 0.2)} |")
for target, label in [("http-summary-cold", "collaboration summary, cold"), ("http-summary-year-cold", "summary for a period in 2025, cold"),
                      ("http-regional-cold", "regional view, cold")]:
    c = get(big, target, 1)
    if c:
        limit = 10 if "summary" in target else 20
        r = ratios[(big, target, "p99_us")]
        p(f"| {label}: p99 ≤ {limit} ms / ≤ 1/5 of the raw aggregate (p99) | {ms(c['p99_us']):.2f} ms / {r:.2f} × | {yes(ms(c['p99_us']) <= limit)} / {yes(r <= 0.2)} |")
for target, label in [("http-summary", "summary"), ("http-summary-year", "summary for a period (2025)"), ("http-regional", "regional view"),
                      ("http-summary-cold", "summary, cold"), ("http-summary-year-cold", "summary for a period in 2025, cold"), ("http-regional-cold", "regional view, cold")]:
    if target in flat and len(scales) > 1:
        p(f"| {label} flat from {scales[0]:,} to {scales[-1]:,} (p50 within 1.5 ×) | {flat[target]:.2f} × | {yes(flat[target] <= 1.5)} |")
rb = [r for r in rebuilds if int(r["participants"]) == big]
if rb:
    t = float(rb[0]["rebuild_s"])
    p(f"| rebuild of {big:,} participants' events ≤ 3 min | {t:.0f} s | {yes(t <= 180)} |")
p("")
p("## Raw figures")
p("")
p("```")
p(open(raw_path).read().rstrip())
p("")
p(open(rebuilds_path).read().rstrip())
p("```")
print("\n".join(out))
