#!/usr/bin/env bash
# Engine overhead: 1,000 trivial scenarios vs 1,000 plain xUnit facts in the same test assembly.
# Builds engine/GherkinEngine.Benchmark (Release), runs each side RUNS times (default 5) and the
# whole assembly once, and prints each side's median wall time (process start to exit: discovery,
# feature parsing, run, reports) and xUnit's own execution time, and the engine's overhead (wall).
#   engine/benchmark.sh            # RUNS=10 engine/benchmark.sh for more runs
set -euo pipefail
cd "$(dirname "$0")/GherkinEngine.Benchmark"
runs="${RUNS:-5}"

# 10 features x 100 scenarios (3 steps each) and 10 classes x 100 facts (3 calls each).
mkdir -p Generated/Features
if [ ! -f Generated/Facts.g.cs ]; then
  for f in $(seq 1 10); do
    { echo "Feature: Benchmark $f"; echo
      for s in $(seq 1 100); do
        echo "  Scenario: Trivial scenario $s"
        for k in 1 2 3; do echo "    Given step $k of scenario $s"; done
        echo
      done; } > "Generated/Features/Benchmark$f.feature"
  done
  { echo "using Xunit;"; echo "namespace GherkinEngine.Benchmark;"
    for c in $(seq 1 10); do
      echo "[Trait(\"Kind\", \"fact\")] public sealed class Facts$c {"
      for s in $(seq 1 100); do echo "  [Fact] public void Fact$s() { Work.Do(1 + $s); Work.Do(2 + $s); Work.Do(3 + $s); }"; done
      echo "}"
    done; } > Generated/Facts.g.cs
fi

dotnet build -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
exe=bin/Release/net10.0/GherkinEngine.Benchmark

# Runs the test executable (xUnit's in-process console runner) and prints "<wall ms> <xUnit ms>";
# fails unless it ran exactly the expected number of tests, all passing.
run() {
  local expected=$1; shift
  local s e out
  s=$(date +%s%N)
  out=$("$exe" -noColor -noLogo "$@" 2>&1) || { echo "test run failed:" >&2; echo "$out" >&2; exit 1; }
  e=$(date +%s%N)
  grep -q "Total: $expected, Errors: 0, Failed: 0" <<<"$out" || { echo "expected $expected passing tests:" >&2; echo "$out" | tail -3 >&2; exit 1; }
  local xunit; xunit=$(sed -n 's/.*Time: \([0-9.]*\)s.*/\1/p' <<<"$out" | tail -1)
  echo "$(( (e - s) / 1000000 )) $(awk -v t="$xunit" 'BEGIN { printf "%d", t * 1000 }')"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

r=$(run 2000)   # warm-up (disk cache)
r=$(run 2000); read -r wall xu <<<"$r"
echo "Combined run (2,000 tests): ${wall} ms wall, ${xu} ms in xUnit"
facts=(); scenarios=(); facts_x=(); scenarios_x=()
for i in $(seq 1 "$runs"); do
  r=$(run 1000 -trait "Kind=fact"); read -r f fx <<<"$r"
  r=$(run 1000 -trait- "Kind=fact"); read -r s sx <<<"$r"
  facts+=("$f"); scenarios+=("$s"); facts_x+=("$fx"); scenarios_x+=("$sx")
  echo "run $i: facts ${f} ms (xUnit ${fx} ms), scenarios ${s} ms (xUnit ${sx} ms)"
done
mf=$(printf '%s\n' "${facts[@]}" | median); ms=$(printf '%s\n' "${scenarios[@]}" | median)
mfx=$(printf '%s\n' "${facts_x[@]}" | median); msx=$(printf '%s\n' "${scenarios_x[@]}" | median)
echo "Median of $runs, xUnit-reported time: facts ${mfx} ms, scenarios ${msx} ms"
echo "Median of $runs, wall time per process: 1,000 xUnit facts ${mf} ms, 1,000 Gherkin scenarios ${ms} ms"
awk -v f="$mf" -v s="$ms" 'BEGIN { printf "Engine overhead (wall time): %.1f%% (limit 20%%)\n", (s - f) * 100 / f; exit !((s - f) * 100 / f < 20) }'
