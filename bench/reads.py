#!/usr/bin/env python3
"""Read figures while other load runs (issue 25): the annual report, a dashboard and the opinion list, each asked
over and over by its own thread as a city-wide administrator, for --seconds; prints one JSON line with the number
of answers and the median and 90th percentile latency (ms) of each, and the errors (any answer but 200).
Standard library only; traffic to the given base URL only (meant for 127.0.0.1)."""

import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse

PATHS = {
    "report": "/api/v1/reports/annual?region=451000&year={year}",
    "dashboard": "/api/v1/reports/dashboard/map?region=451000&year={year}",
    "list": "/api/v1/opinions?size=50",
}


def call(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    return r.status, data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--admin-password", required=True)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--year", default=time.strftime("%Y"))
    a = ap.parse_args()
    u = urllib.parse.urlsplit(a.url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    s, b = call(c, "POST", "/api/v1/auth/token", {"username": "admin", "password": a.admin_password})
    if s != 200:
        raise SystemExit(f"sign-in: {s} {b[:200]}")
    token = json.loads(b)["token"]
    times = {k: [] for k in PATHS}
    errors = {k: 0 for k in PATHS}
    until = time.monotonic() + a.seconds

    def run(kind):
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        path = PATHS[kind].format(year=a.year)
        while time.monotonic() < until:
            t = time.perf_counter()
            try:
                s, _ = call(conn, "GET", path, token=token)
            except OSError:
                s = 0
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
            ms = (time.perf_counter() - t) * 1000
            if s == 200:
                times[kind].append(ms)
            else:
                errors[kind] += 1

    threads = [threading.Thread(target=run, args=(k,)) for k in PATHS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out = {}
    for k, v in times.items():
        v.sort()
        out[k] = {"n": len(v), "median_ms": round(statistics.median(v), 1) if v else None,
                  "p90_ms": round(v[int(len(v) * 0.9) - 1], 1) if len(v) >= 10 else None, "errors": errors[k]}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
