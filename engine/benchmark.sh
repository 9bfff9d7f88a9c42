#!/usr/bin/env bash
# Engine overhead: 1,000 trivial scenarios vs 1,000 plain xUnit facts in the same test assembly.
# Builds engine/GherkinEngine.Benchmark (Release), runs each side RUNS times (default 5) and the
# whole assembly once, and prints each side's median wall time and the engine's overhead.
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

time_ms() { local s e; s=$(date +%s%N); "$exe" "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

"$exe" >/dev/null   # warm-up (disk cache, JIT of the runner)
echo "Combined run (2,000 tests): $(time_ms) ms"
facts=(); scenarios=()
for i in $(seq 1 "$runs"); do
  f=$(time_ms --filter-trait "Kind=fact"); s=$(time_ms --filter-not-trait "Kind=fact")
  facts+=("$f"); scenarios+=("$s")
  echo "run $i: facts ${f} ms, scenarios ${s} ms"
done
mf=$(printf '%s\n' "${facts[@]}" | median); ms=$(printf '%s\n' "${scenarios[@]}" | median)
echo "Median of $runs: 1,000 xUnit facts ${mf} ms, 1,000 Gherkin scenarios ${ms} ms"
awk -v f="$mf" -v s="$ms" 'BEGIN { printf "Engine overhead: %.1f%% (limit 20%%)\n", (s - f) * 100 / f; exit !((s - f) * 100 / f < 20) }'
