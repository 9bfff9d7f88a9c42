#!/usr/bin/env bash
# Overhead of Reqnroll's runtime plus this adapter over plain xUnit: 1,000 trivial scenarios (3 steps each) vs
# 1,000 facts doing the same work, in one test assembly (XunitV3Adapter.Benchmark, Release). Runs the two sides
# as PAIRS back to back (default 10 pairs, RUNS=n for more), so a busy moment of a shared machine hits both
# sides of a pair alike, and decides from the pairs' CPU ratios (user+sys of the test process): the median
# ratio must be at most 1.2. Wall times are printed too. No reports are written (reqnroll.json has no formatters).
#   xunit-v3-adapter/benchmark.sh            # RUNS=20 xunit-v3-adapter/benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/XunitV3Adapter.Benchmark"
runs="${RUNS:-10}"
limit=1.2

# 10 features x 100 scenarios and 10 classes x 100 facts.
if [ ! -f Generated/Facts.g.cs ]; then
  mkdir -p Generated/Features
  for f in $(seq 1 10); do
    { echo "Feature: Benchmark $f"; echo
      for s in $(seq 1 100); do
        echo "  Scenario: Trivial scenario $s"
        for k in 1 2 3; do echo "    Given step $k of scenario $s"; done
        echo
      done; } > "Generated/Features/Benchmark$f.feature"
  done
  { echo "using Xunit;"; echo "namespace XunitV3Adapter.Benchmark;"
    for c in $(seq 1 10); do
      echo "[Trait(\"Kind\", \"fact\")] public sealed class Facts$c {"
      for s in $(seq 1 100); do echo "  [Fact] public void Fact$s() { Work.Do(1 + $s); Work.Do(2 + $s); Work.Do(3 + $s); }"; done
      echo "}"
    done; } > Generated/Facts.g.cs
fi

dotnet build -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
exe=bin/Release/net10.0/XunitV3Adapter.Benchmark

# Runs the test executable (xUnit's in-process runner) and prints "<wall ms> <cpu ms>"; fails unless it ran
# exactly the expected tests, all passing.
run() {
  local expected=$1; shift
  local out times
  out=$(mktemp); times=$(mktemp)
  ( TIMEFORMAT='%R %U %S'; time "$exe" -noColor -noLogo "$@" >"$out" 2>&1 ) 2>"$times" || { echo "test run failed:" >&2; cat "$out" >&2; exit 1; }
  grep -q "Total: $expected, Errors: 0, Failed: 0" "$out" || { echo "expected $expected passing tests:" >&2; tail -3 "$out" >&2; exit 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$times"
  rm -f "$out" "$times"
}

run 1000 -trait "Kind=fact" >/dev/null; run 1000 -trait- "Kind=fact" >/dev/null   # warm-up (disk cache)
ratios=()
for i in $(seq 1 "$runs"); do
  read -r fw fc <<<"$(run 1000 -trait "Kind=fact")"
  read -r sw sc <<<"$(run 1000 -trait- "Kind=fact")"
  ratio=$(awk -v f="$fc" -v s="$sc" 'BEGIN { printf "%.3f", s / f }')
  ratios+=("$ratio")
  echo "pair $i: facts ${fw} ms wall / ${fc} ms CPU;  scenarios ${sw} ms wall / ${sc} ms CPU;  CPU ratio $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk -v limit="$limit" -v n="$runs" '
  { r[NR] = $1; if ($1 > limit) over++ }
  END {
    median = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "CPU ratio, scenarios over facts, of %d pairs: median %.3f (lowest %.3f, highest %.3f); %d of %d pairs above %.1f\n", n, median, r[1], r[NR], over, n, limit
    printf "Reqnroll + adapter overhead: %s (limit %.1fx)\n", (median <= limit ? "within the limit" : "OVER the limit"), limit
    exit !(median <= limit)
  }'
