"""Sequential GETs on keep-alive connections (one per client thread); prints one JSON line of latency figures.
Usage: measure.py HOST PORT PATH TOKEN REQUESTS CLIENTS"""
import http.client, json, statistics, sys, threading, time

host, port, path, token = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
requests, clients = int(sys.argv[5]), int(sys.argv[6])
headers = {"Authorization": f"Bearer {token}"}
samples, errors, lock = [], [], threading.Lock()

def run(n):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    mine = []
    for _ in range(n):
        t0 = time.perf_counter()
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        mine.append((time.perf_counter() - t0) * 1000)
        if resp.status != 200 or b'"candidates"' not in body:
            with lock: errors.append(resp.status)
    with lock: samples.extend(mine)

start = time.perf_counter()
threads = [threading.Thread(target=run, args=(requests // clients,)) for _ in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - start
s = sorted(samples)
pct = lambda p: s[min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1)]
print(json.dumps({"requests": len(s), "clients": clients, "errors": len(errors), "req_s": round(len(s) / wall, 1),
                  "mean": round(statistics.fmean(s), 2), "p50": round(pct(50), 2), "p95": round(pct(95), 2),
                  "p99": round(pct(99), 2), "max": round(s[-1], 2)}))
