"""Summarises measure.py's raw figures as markdown (bench/web/dashboard.sh): the first request, median, p90 and max
per target; the page over the API calls it makes; verdict against the goal (≤ 1 s). Reads page= and dashboard= on stdin."""
import statistics
import sys

conf = dict(line.strip().split("=", 1) for line in sys.stdin if "=" in line)
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
targets, kinds, first, rest = [], {}, {}, {}
for rnd, name, kind, status, size, ms in rows:
    if name not in kinds:
        targets.append(name)
        kinds[name] = kind
    (first.__setitem__(name, (float(ms), int(size))) if rnd == "0" else rest.setdefault(name, []).append(float(ms)))


def pct(values, p):  # nearest rank
    s = sorted(values)
    return s[max(0, min(len(s) - 1, -(-len(s) * p // 100) - 1))]


med = {t: statistics.median(rest[t]) for t in targets}
print(f"## Figures (ms; first = the first request after the processes started, then {len(rest[targets[0]])} rounds)")
print()
print("| target | kind | bytes | first | median | p90 | max |")
print("|---|---|---|---|---|---|---|")
for t in targets:
    v = rest[t]
    print(f"| {t} | {kinds[t]} | {first[t][1]:,} | {first[t][0]:.1f} | {med[t]:.1f} | {pct(v, 90):.1f} | {max(v):.1f} |")
apis = [t for t in targets if kinds[t] == "api"]
print()
if apis:
    api_sum = sum(med[t] for t in apis)
    slowest = max(apis, key=med.get)
    print(f"- The page's API calls (medians): the slowest, {slowest}, {med[slowest]:.1f} ms; all of them one after another "
          f"{api_sum:.1f} ms. A page that makes them at once waits for the slowest.")
    print(f"- page / slowest API call (medians): {med['page'] / med[slowest]:.1f} ×; page / their sum: {med['page'] / api_sum:.1f} ×.")
if "home" in med:
    print(f"- page − `/` (medians): {med['page'] - med['home']:.1f} ms, the page's own work beyond the web's overhead "
          f"(`/` median {med['home']:.1f} ms); page − `/` − slowest API call: {med['page'] - med['home'] - (med[slowest] if apis else 0):.1f} ms.")
print()
page, goal = conf.get("page"), 1000.0
print("## Verdict")
print()
if page != conf.get("dashboard"):
    print(f"Not a verdict on the dashboard: `{page}` stood in for it. Against the goal's 1 s: first {first['page'][0]:.0f} ms, "
          f"median {med['page']:.0f} ms, max {max(rest['page']):.0f} ms.")
else:
    worst = max(first["page"][0], max(rest["page"]))
    print(f"First render of the dashboard through the gateway: {first['page'][0]:.0f} ms cold (the first request after the "
          f"start), {med['page']:.0f} ms median, {pct(rest['page'], 90):.0f} ms p90, {max(rest['page']):.0f} ms max. "
          f"Goal ≤ 1 s: **{'met' if worst <= goal else 'met when warm, not cold' if pct(rest['page'], 90) <= goal else 'not met'}**.")
