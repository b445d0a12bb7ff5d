#!/usr/bin/env python3
"""100 get-by-key as one _batch request vs 100 sequential GETs on one keep-alive connection.

Usage: bench/batch.py PORT FIRST_ID [ROUNDS]   (bench/rest.sh runs it against its server)
Prints the median and p90 wall time of each, in ms, and the ratio.
"""
import http.client
import json
import statistics
import sys
import time

port, first = int(sys.argv[1]), int(sys.argv[2])
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
keys = [first + i for i in range(100)]
body = json.dumps({"json": {"operations": [
    {"type": "fetchFirst", "collection": "todos", "key": str(k), "searchQuery": {}} for k in keys]}})
conn = http.client.HTTPConnection("127.0.0.1", port)


def sequential():
    for k in keys:
        conn.request("GET", f"/api/rstore/todos/{k}")
        response = conn.getresponse()
        response.read()
        assert response.status == 200


def batched():
    conn.request("POST", "/api/rstore/_batch", body, {"content-type": "application/json"})
    response = conn.getresponse()
    results = json.loads(response.read())["json"]["results"]
    assert response.status == 200 and len(results) == 100 and all(r["ok"] for r in results)


def measure(run):
    for _ in range(5):  # warm-up
        run()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=10)[-1]


seq = measure(sequential)
bat = measure(batched)
print(f"100 sequential GETs: median {seq[0]:.1f} ms, p90 {seq[1]:.1f} ms")
print(f"one _batch of 100:   median {bat[0]:.1f} ms, p90 {bat[1]:.1f} ms")
print(f"ratio (sequential / batch, medians): {seq[0] / bat[0]:.1f}x")
