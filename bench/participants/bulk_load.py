#!/usr/bin/env python3
"""Bulk enrolment load for bench/participants/bulk.sh.

Sends TOTAL participants as POST /api/participants/bulk requests of BATCH rows (JSON arrays), CONCURRENCY requests in
flight, through the gateway; then waits until Reporting's participant_facts holds every one of them (psql count).
Every row carries a fresh valid personnummer (real date, Luhn check digit), distinct within the run.
Prints one line of key=value results on stdout; progress on stderr.
"""
import argparse, datetime, http.client, json, subprocess, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse


def luhn_check_digit(body):
    total = 0
    for i, ch in enumerate(body):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def number(n):
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=n % 20000)
    body = born.strftime("%y%m%d") + f"{n // 20000 % 999 + 1:03d}"
    return f"{body[:6]}-{body[6:]}{luhn_check_digit(body)}"


def row(collaboration, n):
    return {
        "collaborationId": collaboration, "personalIdentityNumber": number(n), "municipalityCode": "0880",
        "referralDate": "2026-01-05", "startDate": "2026-01-10", "targetGroups": ["long-term-unemployed"],
        "benefitAtStart": "activity-support", "labourMarketStatus": "long-term-unemployed",
        "educationLevel": "upper-secondary-or-post-secondary",
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--gateway", required=True)
    p.add_argument("--token-file", required=True,
                   help="file holding the bearer token, read again before each batch (bench/lib.sh token_file renews it)")
    p.add_argument("--collaboration", required=True)
    p.add_argument("--total", type=int, default=100_000)
    p.add_argument("--batch", type=int, default=1000)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--offset", type=int, default=0, help="first person number, so that a warm-up uses other people")
    p.add_argument("--reporting-psql", required=True, help="psql connection string of Reporting's database")
    p.add_argument("--visible-timeout", type=int, default=900)
    a = p.parse_args()

    url = urlparse(a.gateway)

    def token():
        with open(a.token_file) as f:
            return f.read().strip()
    batches = [list(range(a.offset + s, a.offset + min(s + a.batch, a.total))) for s in range(0, a.total, a.batch)]
    bodies = [json.dumps([row(a.collaboration, n) for n in b]).encode() for b in batches]  # built before the clock starts
    local = threading.local()
    lock = threading.Lock()
    counts = {"created": 0, "already-enrolled": 0, "rejected": 0, "failed": 0}
    latencies = []

    def send(body):
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
        t = time.monotonic()
        try:
            local.conn.request("POST", "/api/participants/bulk", body,
                               {"Content-Type": "application/json", "Authorization": f"Bearer {token()}"})
            resp = local.conn.getresponse()
            data = resp.read()
        except Exception as e:  # a broken connection is a failed batch, not a crash of the load
            local.__dict__.pop("conn", None)
            with lock:
                counts["failed"] += 1
            print(f"batch failed: {e}", file=sys.stderr)
            return
        with lock:
            latencies.append(time.monotonic() - t)
            if resp.status != 200:
                counts["failed"] += 1
                print(f"batch answered {resp.status}: {data[:300]!r}", file=sys.stderr)
                return
            result = json.loads(data)
            counts["created"] += result["created"]
            counts["already-enrolled"] += result["alreadyEnrolled"]
            counts["rejected"] += result["rejected"]
            done = len(latencies)
            if done % 10 == 0:
                print(f"  {done}/{len(bodies)} batches, {counts['created']} created", file=sys.stderr)

    start = time.monotonic()
    with ThreadPoolExecutor(a.concurrency) as pool:
        list(pool.map(send, bodies))
    enrol_s = time.monotonic() - start

    def visible():
        out = subprocess.run(["psql", a.reporting_psql, "-qAt", "-c",
                              f"select count(*) from participant_facts where collaboration_id = '{a.collaboration}'"],
                             capture_output=True, text=True)
        return int(out.stdout.strip() or 0)

    expected = counts["created"]
    seen = visible()
    while seen < expected and time.monotonic() - start < enrol_s + a.visible_timeout:
        time.sleep(0.5)
        seen = visible()
    all_visible_s = time.monotonic() - start

    latencies.sort()
    pct = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else 0
    print(" ".join([
        f"total={a.total}", f"batches={len(bodies)}", f"created={counts['created']}", f"already={counts['already-enrolled']}",
        f"rejected={counts['rejected']}", f"failed={counts['failed']}", f"enrol_s={enrol_s:.1f}",
        f"enrol_per_s={counts['created'] / enrol_s:.0f}", f"batch_p50_ms={pct(0.5) * 1000:.0f}", f"batch_p99_ms={pct(0.99) * 1000:.0f}",
        f"visible={seen}", f"all_visible_s={all_visible_s:.1f}", f"visible_after_enrol_s={all_visible_s - enrol_s:.1f}",
        f"end_to_end_per_s={seen / all_visible_s:.0f}",
    ]))


if __name__ == "__main__":
    main()
