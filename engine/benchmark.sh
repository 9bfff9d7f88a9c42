#!/usr/bin/env bash
# Engine overhead: 1,000 trivial scenarios vs 1,000 plain xUnit facts in the same test assembly.
# Builds engine/GherkinEngine.Benchmark (Release), runs each side RUNS times (default 5) and the
# whole assembly once, and prints each side's medians: wall time (process start to exit: discovery,
# feature parsing, run, reports), xUnit's execution time, and CPU time (user+sys). The overhead
# figure uses CPU time, which other processes on a shared machine disturb far less than wall time.
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

# Runs the test executable (xUnit's in-process console runner) and prints "<wall ms> <cpu ms> <xUnit ms>"
# (cpu = user + system time of the process); fails unless it ran exactly the expected tests, all passing.
run() {
  local expected=$1; shift
  local out times
  out=$(mktemp); times=$(mktemp)
  ( TIMEFORMAT='%R %U %S'; time "$exe" -noColor -noLogo "$@" >"$out" 2>&1 ) 2>"$times" || { echo "test run failed:" >&2; cat "$out" >&2; exit 1; }
  grep -q "Total: $expected, Errors: 0, Failed: 0" "$out" || { echo "expected $expected passing tests:" >&2; tail -3 "$out" >&2; exit 1; }
  local xunit; xunit=$(sed -n 's/.*Time: \([0-9.]*\)s.*/\1/p' "$out" | tail -1)
  awk -v x="$xunit" '{ printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, x * 1000 }' "$times"
  rm -f "$out" "$times"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

r=$(run 2000)   # warm-up (disk cache)
r=$(run 2000); read -r wall cpu xu <<<"$r"
echo "Combined run (2,000 tests): ${wall} ms wall, ${cpu} ms CPU, ${xu} ms in xUnit"
declare -a fw fc fx sw sc sx
for i in $(seq 1 "$runs"); do
  r=$(run 1000 -trait "Kind=fact"); read -r a b c <<<"$r"; fw+=("$a"); fc+=("$b"); fx+=("$c")
  r=$(run 1000 -trait- "Kind=fact"); read -r d e f <<<"$r"; sw+=("$d"); sc+=("$e"); sx+=("$f")
  echo "run $i: facts ${a} ms wall / ${b} ms CPU / ${c} ms xUnit;  scenarios ${d} ms wall / ${e} ms CPU / ${f} ms xUnit"
done
m() { printf '%s\n' "$@" | median; }
mfw=$(m "${fw[@]}"); msw=$(m "${sw[@]}"); mfc=$(m "${fc[@]}"); msc=$(m "${sc[@]}"); mfx=$(m "${fx[@]}"); msx=$(m "${sx[@]}")
pct() { awk -v f="$1" -v s="$2" 'BEGIN { printf "%.1f", (s - f) * 100 / f }'; }
echo "Medians of $runs runs (1,000 facts vs 1,000 scenarios):"
echo "  wall time per process: ${mfw} ms vs ${msw} ms ($(pct "$mfw" "$msw")%)"
echo "  xUnit execution time:  ${mfx} ms vs ${msx} ms ($(pct "$mfx" "$msx")%)"
echo "  CPU time (user+sys):   ${mfc} ms vs ${msc} ms ($(pct "$mfc" "$msc")%)"
overhead=$(pct "$mfc" "$msc")
echo "Engine overhead (CPU time, robust on a busy machine): ${overhead}% (limit 20%)"
awk -v o="$overhead" 'BEGIN { exit !(o < 20) }'
