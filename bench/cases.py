#!/usr/bin/env python3
"""Whole cases per second: several threads drive complete opinion cases against a running Lianluo.

One case is the loop of OpinionLoopApiTests, without reopening, seven HTTP calls:

  1. citizen   POST /api/v1/public/opinions                     -> 201 trackingCode   (with name and phone)
  2. assessor  GET  /api/v1/opinions?q=<trackingCode>           -> the opinion's id
  3. assessor  POST /api/v1/opinions/{id}/triage  ASSIGN        -> ASSIGNED
  4. handler   POST /api/v1/opinions/{id}/accept                -> ACCEPTED
  5. handler   POST /api/v1/opinions/{id}/reply   RESOLVED      -> REPLIED
  6. assessor  POST /api/v1/opinions/{id}/review  approve       -> FED_BACK
  7. citizen   POST /api/v1/public/opinions/{code}/evaluation SATISFIED -> CLOSED

Before the runs it signs in as admin, creates a handling unit, an assessor (region 451000) and a unit
handler, and gets their bearer tokens. Each run is bounded in time (--seconds) and in cases (--max-cases)
and sends traffic to the given base URL only (meant for 127.0.0.1). Standard library only.

Prints one line per run ("run N: C cases in S s = R cases/s, errors E") and a summary with the median,
plus the median latency of each step; with --json, also writes the raw figures to that file.
"""

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
import uuid

STEPS = ["intake", "find", "triage", "accept", "reply", "review", "evaluate"]


class Client:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.conn = None

    def call(self, method, path, body=None, token=None):
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = "Bearer " + token
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                r = self.conn.getresponse()
                raw = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, (json.loads(raw) if raw else None)
            except (http.client.HTTPException, ConnectionError, OSError):
                if self.conn:
                    self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


def expect(status, body, wanted, what):
    if status != wanted:
        raise RuntimeError(f"{what}: HTTP {status} {body}")
    return body


def setup(base, admin_password):
    c = Client(base)
    s, b = c.call("POST", "/api/v1/auth/token", {"username": "admin", "password": admin_password})
    admin = expect(s, b, 200, "admin token")["token"]
    tag = uuid.uuid4().hex[:8]
    s, b = c.call("POST", "/api/v1/units", {"name": "基准测试住建局" + tag, "regionCode": "451022"}, admin)
    unit = expect(s, b, 201, "create unit")["id"]
    for name, region, roles, unit_id in (("bench-assessor-" + tag, "451000", ["ASSESSOR"], None),
                                         ("bench-handler-" + tag, "451022", ["UNIT_HANDLER"], unit)):
        user = {"username": name, "displayName": "基准" + name, "password": "password-123", "roles": roles,
                "regionCode": region}
        if unit_id:
            user["unitId"] = unit_id
        s, b = c.call("POST", "/api/v1/users", user, admin)
        expect(s, b, 201, "create user " + name)
    tokens = {}
    for who in ("assessor", "handler"):
        s, b = c.call("POST", "/api/v1/auth/token", {"username": f"bench-{who}-{tag}", "password": "password-123"})
        tokens[who] = expect(s, b, 200, who + " token")["token"]
    return unit, tokens["assessor"], tokens["handler"]


def one_case(c, n, unit, assessor, handler, timings):
    t = [time.perf_counter()]
    s, b = c.call("POST", "/api/v1/public/opinions",
                  {"content": f"那板村到镇上的道路塌方，雨天无法通行，请尽快修复。（基准案件 {n}）", "regionCode": "451022108",
                   "kind": "COMPLAINT", "category": "INFRASTRUCTURE", "name": "黄大伟", "phone": "138%08d" % (n % 10**8)})
    receipt = expect(s, b, 201, "intake")
    code, rating_key = receipt["trackingCode"], receipt["ratingKey"]
    t.append(time.perf_counter())
    s, b = c.call("GET", "/api/v1/opinions?q=" + code, token=assessor)
    items = expect(s, b, 200, "find")["items"]
    # With a read replica (issue 25) the assessor reads another caller's write: the replica may replay it a few
    # milliseconds later (in life the citizen reads the code out on the phone, seconds later).
    for _ in range(100):
        if items:
            break
        time.sleep(0.01)
        s, b = c.call("GET", "/api/v1/opinions?q=" + code, token=assessor)
        items = expect(s, b, 200, "find")["items"]
    if len(items) != 1:
        raise RuntimeError(f"find {code}: {len(items)} items")
    oid = items[0]["id"]
    t.append(time.perf_counter())
    p = f"/api/v1/opinions/{oid}"
    expect(*c.call("POST", p + "/triage", {"route": "ASSIGN", "leadUnitId": unit}, assessor), 200, "triage")
    t.append(time.perf_counter())
    expect(*c.call("POST", p + "/accept", {}, handler), 200, "accept")
    t.append(time.perf_counter())
    expect(*c.call("POST", p + "/reply", {"result": "RESOLVED", "text": "道路已修复通车。"}, handler), 200, "reply")
    t.append(time.perf_counter())
    expect(*c.call("POST", p + "/review", {"approve": True}, assessor), 200, "review")
    t.append(time.perf_counter())
    s, b = c.call("POST", f"/api/v1/public/opinions/{code}/evaluation", {"grade": "SATISFIED", "ratingKey": rating_key})
    if expect(s, b, 200, "evaluate")["status"] != "CLOSED":
        raise RuntimeError(f"evaluate {code}: {b['status']}")
    t.append(time.perf_counter())
    for i, step in enumerate(STEPS):
        timings[step].append(t[i + 1] - t[i])


def run(base, threads, seconds, max_cases, unit, assessor, handler, offset):
    lock = threading.Lock()
    state = {"started": 0, "done": 0, "errors": 0, "first_error": None}
    timings = {s: [] for s in STEPS}
    deadline = time.monotonic() + seconds

    def worker():
        c = Client(base)
        local = {s: [] for s in STEPS}
        while time.monotonic() < deadline:
            with lock:
                if state["started"] >= max_cases:
                    break
                state["started"] += 1
                n = offset + state["started"]
            try:
                one_case(c, n, unit, assessor, handler, local)
                with lock:
                    state["done"] += 1
            except Exception as ex:  # counted and shown, the run goes on
                with lock:
                    state["errors"] += 1
                    state["first_error"] = state["first_error"] or str(ex)[:300]
        with lock:
            for s in STEPS:
                timings[s].extend(local[s])

    start = time.monotonic()
    ts = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(seconds + 60)
    elapsed = time.monotonic() - start
    return state, elapsed, timings


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--admin-password", required=True)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=float, default=5, help="seconds of cases before the measured runs")
    ap.add_argument("--max-cases", type=int, default=200000, help="upper bound of cases in one run")
    ap.add_argument("--json", help="write the raw figures to this file")
    ap.add_argument("--setup-file", help="keep the unit and the tokens in this file: made when missing, reused when present")
    a = ap.parse_args()
    host = urllib.parse.urlsplit(a.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("cases.py drives a server on this machine only (127.0.0.1, localhost, ::1)")

    if a.setup_file and os.path.exists(a.setup_file):
        with open(a.setup_file) as f:
            unit, assessor, handler = json.load(f)
    else:
        unit, assessor, handler = setup(a.url, a.admin_password)
        if a.setup_file:
            with open(a.setup_file, "w") as f:
                json.dump([unit, assessor, handler], f)
    if a.runs == 0 and a.warmup <= 0:
        return
    if a.warmup > 0:
        st, el, _ = run(a.url, a.threads, a.warmup, a.max_cases, unit, assessor, handler, 0)
        print(f"warm-up: {st['done']} cases in {el:.1f} s, errors {st['errors']}"
              + (f" (first: {st['first_error']})" if st["first_error"] else ""), flush=True)
    rates, runs, all_timings = [], [], {s: [] for s in STEPS}
    for i in range(1, a.runs + 1):
        st, el, tm = run(a.url, a.threads, a.seconds, a.max_cases, unit, assessor, handler, i * 10**6)
        rate = st["done"] / el
        rates.append(rate)
        runs.append({"cases": st["done"], "seconds": round(el, 2), "cases_per_s": round(rate, 1), "errors": st["errors"],
                     "first_error": st["first_error"]})
        for s in STEPS:
            all_timings[s].extend(tm[s])
        print(f"run {i}: {st['done']} cases in {el:.1f} s = {rate:.1f} cases/s, errors {st['errors']}"
              + (f" (first: {st['first_error']})" if st["first_error"] else ""), flush=True)
    step_ms = {s: round(statistics.median(v) * 1000, 1) if v else None for s, v in all_timings.items()}
    print(f"median: {statistics.median(rates):.1f} cases/s over {a.runs} runs, {a.threads} threads")
    print("median latency per step (ms): " + ", ".join(f"{s} {v}" for s, v in step_ms.items()))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"threads": a.threads, "runs": runs, "median_cases_per_s": round(statistics.median(rates), 1),
                       "median_step_ms": step_ms}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
