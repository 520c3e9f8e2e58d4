#!/usr/bin/env python3
"""Turns the JMH results of bench/run.sh into docs/performance.md.

Usage: report.py RESULTS_DIR OUTPUT_MD

RESULTS_DIR holds what run.sh leaves there: all.json (every benchmark), point-select-1cpu.json (the point
select under `taskset -c 0`, optional), the matching .log files (to name failed benchmarks), machine.txt,
server.txt (written by the benchmark JVM) and load.txt. Every number in the output comes from these files.
"""

import json
import math
import os
import re
import sys

# What the design asks of each benchmark: the largest acceptable tusk/pgjdbc time ratio.
TARGETS = {
    "point-1cpu": (1.10, "within 10% of pgjdbc with client and server on one CPU"),
    "point": (None, "none: the design states its target for one CPU; shown for information"),
    "read": (1.00, "at least as fast as pgjdbc"),
    "batch": (1.00, "at least as fast as pgjdbc"),
}

BENCHMARKS = [
    # key, JMH benchmark name, results file, title, what it does
    ("point-1cpu", "io.tusk.bench.PointSelectBenchmark.pointSelect", "point-select-1cpu",
     "Point select, client and server on one CPU (`taskset -c 0`)",
     "Same as below, with the benchmark JVM and the PostgreSQL server it starts pinned to CPU 0, as in the "
     "design's measurement of the synchronous path."),
    ("point", "io.tusk.bench.PointSelectBenchmark.pointSelect", "all",
     "Point select, two CPUs",
     "`SELECT id, name, price FROM bench_items WHERE id = ?` on a reused prepared statement, random id in "
     "1..10000, three typed getters. One round trip per operation. Vert.x runs the same prepared query and "
     "blocks on each future. With two CPUs each round trip may or may not cross CPUs, depending on where the "
     "scheduler puts the client thread and the server backend; on a virtual machine a cross-CPU wake-up costs "
     "tens of microseconds, so this number is noisy and often bimodal. The one-CPU run above is the one the "
     "target is stated for."),
    ("read", "io.tusk.bench.ReadRowsBenchmark.readRows", "all",
     "Read 100,000 rows x 10 columns",
     "One prepared `SELECT` of 100,000 rows (int4, int8, text, numeric, float8, bool, date, timestamptz, uuid, "
     "8-byte bytea), every value read with its typed getter (`getInt`, `getLong`, `getString`, `getBigDecimal`, "
     "`getDouble`, `getBoolean`, `getObject(LocalDate/OffsetDateTime/UUID)`, `getBytes`)."),
    ("batch", "io.tusk.bench.BatchInsertBenchmark.batchInsert", "all",
     "Batch insert of 50,000 rows",
     "`INSERT INTO bench_batch (id, name, amount) VALUES (?, ?, ?)` x 50,000 with `addBatch`, one "
     "`executeBatch`, autocommit on, unlogged table truncated before each operation (not timed). "
     "`pgjdbc_rewrite` is pgjdbc with `reWriteBatchedInserts=true`, for reference; the target is pgjdbc's "
     "default."),
]

DRIVER_ORDER = ["tusk", "pgjdbc", "pgjdbc_rewrite", "vertx"]


def read_properties(path):
    values = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "=" in line:
                    key, value = line.rstrip("\n").split("=", 1)
                    values[key.strip()] = value.strip()
    return values


def read_results(path):
    """{(benchmark, driver): result} from one JMH JSON file."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    if not text:
        return {}
    results = {}
    for entry in json.loads(text):
        driver = entry.get("params", {}).get("driver", "?")
        primary = entry["primaryMetric"]
        alloc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        results[(entry["benchmark"], driver)] = {
            "score": primary["score"],
            "error": number(primary["scoreError"]),
            "unit": primary["scoreUnit"],
            "samples": [number(x) for fork in primary.get("rawData", []) for x in fork],
            "alloc": number(alloc["score"]) if alloc else None,
        }
    return results


def number(value):
    """JMH writes NaN (an error from a single iteration) as the string "NaN"."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(value) else value


def read_failures(path):
    """[(benchmark, driver, first lines of the exception)] from a JMH log."""
    failures = []
    if not os.path.exists(path):
        return failures
    benchmark = driver = None
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"# Benchmark: (\S+)", line)
        if m:
            benchmark = m.group(1)
        m = re.match(r"# Parameters: \(driver = (\S+)\)", line)
        if m:
            driver = m.group(1)
        if line.strip() == "<failure>":
            trace = [l for l in lines[i + 1:i + 14] if l.strip()]
            failures.append((benchmark, driver, trace))
    return failures


def unit_name(unit):
    return unit.replace("us/op", "µs/op")


def median(values):
    values = sorted(values)
    n = len(values)
    if n == 0:
        return float("nan")
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def size(nbytes):
    if nbytes >= 10_000_000:
        return f"{nbytes / 1e6:,.0f} MB"
    if nbytes >= 10_000:
        return f"{nbytes / 1e3:,.0f} kB"
    return f"{nbytes:,.0f} B"


def ratio(a, b):
    """a/b and its error from the two (score, error) pairs (relative errors added in quadrature)."""
    r = a["score"] / b["score"]
    rel = math.hypot(a["error"] / a["score"], b["error"] / b["score"])
    return r, r * rel


def fmt(x):
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def main(results_dir, output):
    machine = read_properties(os.path.join(results_dir, "machine.txt"))
    server = read_properties(os.path.join(results_dir, "server.txt"))
    load = []
    load_path = os.path.join(results_dir, "load.txt")
    if os.path.exists(load_path):
        load = [l.split() for l in open(load_path, encoding="utf-8") if l.strip()]
    files = {name: read_results(os.path.join(results_dir, name + ".json")) for name in ("all", "point-select-1cpu")}
    failures = []
    for name in ("all", "point-select-1cpu"):
        failures += [(name,) + f for f in read_failures(os.path.join(results_dir, name + ".log"))]

    out = []
    w = out.append
    w("# Performance")
    w("")
    w("Tusk against pgjdbc (and, for the point select, the Vert.x PostgreSQL client) on the same machine and the "
      "same embedded PostgreSQL build, in one run of the benchmark module (`bench/`, JMH). Lower is better; "
      "ratios are Tusk's time divided by pgjdbc's, so below 1.00 means Tusk is faster. "
      "This page is generated by `bench/report.py` from the JMH results; do not edit it by hand.")
    w("")
    w("## Reproduce")
    w("")
    w("```")
    w(machine.get("command", "bench/run.sh"))
    w("```")
    w("")
    w("It installs the driver (`mvn -DskipTests install`), builds `bench/target/benchmarks.jar`, runs every "
      "benchmark (1 fork, 3 x 2 s warmup, 5 x 2 s measurement per driver; each fork starts its own embedded "
      "PostgreSQL), runs the point select again under `taskset -c 0` (with 5 warm-up iterations, as the JIT "
      "compiler then shares the CPU), and rewrites this page. JMH options given to `run.sh` apply to every run. About 5 minutes "
      "on 2 cores. Errors are JMH's 99.9% confidence intervals over the measured iterations; a ratio's error "
      "combines both.")
    w("")
    w("## Machine")
    w("")
    w("| | |")
    w("| --- | --- |")
    w(f"| Run | {machine.get('date', '?')} |")
    w(f"| CPUs (`nproc`) | {machine.get('nproc', '?')} ({machine.get('cpu', '?')}) |")
    w(f"| Memory | {machine.get('memory', '?')} |")
    w(f"| OS | {machine.get('kernel', '?')} |")
    w(f"| Java | {machine.get('java', '?')} |")
    w(f"| PostgreSQL | {server.get('server_version', '?')} (embedded, local TCP, no TLS, fsync off) |")
    w(f"| Drivers | Tusk {server.get('tusk.version', '?')}, pgjdbc {server.get('pgjdbc.version', '?')}, "
      f"Vert.x PostgreSQL client {server.get('vertx.version', '?')}; JMH {server.get('jmh.version', '?')} |")
    if load:
        w("| Load average (1/5/15 min) | " + "; ".join(f"{l[0]}: {' '.join(l[1:])}" for l in load) + " |")
    w("")
    busy = [l for l in load if l and float(l[1]) > 0.5 and l[0].startswith("before")]
    if busy:
        w("> The machine was not idle when a run started (load average above 0.5): other processes competed "
          "for the two CPUs, which widens the error bars and can shift single-round-trip latencies.")
        w("")

    verdicts = []
    for key, benchmark, source, title, description in BENCHMARKS:
        rows = {driver: r for (name, driver), r in files[source].items() if name == benchmark}
        failed = [f for f in failures if f[1] == benchmark and f[0] == source]
        if not rows and not failed:
            continue
        w(f"## {title}")
        w("")
        w(description)
        w("")
        w("| Driver | Time (mean ± error) | vs pgjdbc | Iterations: median (min–max) | Median vs pgjdbc "
          "| Allocated per op |")
        w("| --- | --- | --- | --- | --- | --- |")
        base = rows.get("pgjdbc")
        for driver in sorted(rows, key=lambda d: DRIVER_ORDER.index(d) if d in DRIVER_ORDER else 99):
            r = rows[driver]
            cell = f"{fmt(r['score'])} ± {fmt(r['error'])} {unit_name(r['unit'])}"
            if base and driver != "pgjdbc":
                q, e = ratio(r, base)
                rel = f"{q:.2f} ± {e:.2f}"
            else:
                rel = "1.00" if driver == "pgjdbc" else "–"
            alloc = size(r["alloc"]) if r["alloc"] is not None else "–"
            spread = (f"{fmt(median(r['samples']))} ({fmt(min(r['samples']))}–{fmt(max(r['samples']))})"
                      if r["samples"] else "–")
            if base and base["samples"] and r["samples"]:
                mrel = f"{median(r['samples']) / median(base['samples']):.2f}"
            else:
                mrel = "–"
            w(f"| {driver} | {cell} | {rel} | {spread} | {mrel} | {alloc} |")
        for _, _, driver, trace in failed:
            w(f"| {driver} | failed (see below) | – | – | – | – |")
        w("")
        target, wording = TARGETS[key]
        tusk = rows.get("tusk")
        if target is None:
            w(f"Target: {wording}.")
            w("")
        elif tusk and base:
            q, e = ratio(tusk, base)
            if q <= target:
                state = "met" if q + e <= target else "met, within the noise"
            else:
                state = "not met" if q - e > target else "not met, within the noise"
            mq = median(tusk["samples"]) / median(base["samples"]) if tusk["samples"] and base["samples"] else None
            verdicts.append((title, wording, q, e, state, mq))
            w(f"Target: {wording}. Tusk/pgjdbc = {q:.2f} ± {e:.2f}: **{state}**"
              + (f" (ratio of the iteration medians: {mq:.2f})." if mq is not None else "."))
            w("")
        elif any(f[2] == "tusk" for f in failed):
            verdicts.append((title, wording, None, None, "not measured: Tusk failed", None))
        for _, _, driver, trace in failed:
            w(f"{driver} failed:")
            w("")
            w("```")
            w("\n".join(trace))
            w("```")
            w("")

    if verdicts:
        w("## Summary")
        w("")
        w("| Benchmark | Target | Tusk / pgjdbc | Median ratio | Verdict |")
        w("| --- | --- | --- | --- | --- |")
        for title, wording, q, e, state, mq in verdicts:
            value = f"{q:.2f} ± {e:.2f}" if q is not None else "–"
            mvalue = f"{mq:.2f}" if mq is not None else "–"
            w(f"| {title} | {wording} | {value} | {mvalue} | {state} |")
        w("")
        w("The verdict uses JMH's mean and 99.9% error. \"Within the noise\" means the ratio's error bar crosses "
          "the target: a rerun could land on the other side. The median ratio is less sensitive to a slow first "
          "iteration or to a burst of other load on the machine. Single-round-trip latency on a shared 2-CPU "
          "machine is the noisiest of these numbers.")
        w("")

    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
