#!/usr/bin/env bash
# Builds the driver and the benchmarks, runs them, and writes docs/performance.md from the JMH results.
#
#   bench/run.sh                      # full suite, about 5 minutes on 2 cores
#   bench/run.sh -wi 1 -i 2 -r 1      # any JMH options, passed to every run (here: a quick smoke run)
#
# Environment: SKIP_INSTALL=1 skips the driver's `mvn install` (use the one in ~/.m2);
# SKIP_ONE_CPU=1 skips the point select under `taskset -c 0`; SKIP_REPORT=1 leaves docs/ alone.
# Results (JSON and logs) go to bench/target/results/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
results="$here/target/results"
jar="$here/target/benchmarks.jar"

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  echo "== installing the driver (mvn -DskipTests install at $root)"
  (cd "$root" && mvn -q -DskipTests install)
fi
echo "== building the benchmarks"
mvn -q -f "$here/pom.xml" package

rm -rf "$results"
mkdir -p "$results"
export TUSK_BENCH_INFO="$results/server.txt"

machine() {
  {
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
    echo "memory=$(free -h 2>/dev/null | awk '/^Mem:/ {print $2}')"
    echo "kernel=$(uname -sr)"
    echo "java=$(java -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//')"
    echo "command=bench/run.sh${*:+ $*}"
  } > "$results/machine.txt"
}
load() { # what else ran on the machine: load average, and the busiest other processes
  echo "$1 $(cut -d' ' -f1-3 /proc/loadavg)" >> "$results/load.txt"
}
machine "$@"

echo "== all benchmarks (results in $results/all.json)"
load "before-all"
status=0
java -jar "$jar" -rf json -rff "$results/all.json" -prof gc "$@" 2>&1 | tee "$results/all.log" || status=$?
load "after-all"

if [ "${SKIP_ONE_CPU:-0}" != 1 ] && command -v taskset > /dev/null; then
  # The JVM, its JMH fork and the PostgreSQL server the fork starts all inherit this affinity.
  # On one CPU the JIT compiler threads share the CPU with the benchmark, so warm-up takes longer (Tusk's
  # point select reaches its steady state after about 5 s): 5 warm-up iterations unless -wi was given.
  warmup=(-wi 5)
  case " $* " in *" -wi "*) warmup=() ;; esac
  echo "== point select with client and server on one CPU (taskset -c 0)"
  load "before-1cpu"
  taskset -c 0 java -jar "$jar" PointSelectBenchmark -rf json -rff "$results/point-select-1cpu.json" -prof gc \
    "${warmup[@]}" "$@" \
    2>&1 | tee "$results/point-select-1cpu.log" || status=$?
  load "after-1cpu"
fi

if [ "${SKIP_REPORT:-0}" != 1 ]; then
  python3 "$here/report.py" "$results" "$root/docs/performance.md"
  echo "== wrote $root/docs/performance.md"
fi
if [ "$status" != 0 ]; then
  echo "== a benchmark run failed (exit $status): see the logs in $results" >&2
fi
exit "$status"
