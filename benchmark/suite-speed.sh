#!/usr/bin/env bash
# How long the whole acceptance suite takes, as a number you can rerun and compare (not a timed
# assertion). Builds once, then runs `dotnet test --no-build` RUNS times (default 3) and prints,
# per run, the wall time, the CPU time of everything it started (user+sys of the test host and
# every service, browser and database it launched) and the result; then the medians, and the
# slowest features of the last run (scenario time, from the journey overview).
#   benchmark/suite-speed.sh                  # RUNS=5 benchmark/suite-speed.sh
#   benchmark/suite-speed.sh --project Netra.Acceptance.csproj   # extra options go to dotnet test
# Wall time depends on what else the machine does; compare CPU time across changes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"

dotnet build Netra.Acceptance.slnx -nologo -v q -clp:ErrorsOnly >/dev/null

# The build machines differ from day to day (the same suite took 36 s one day and 75 s the next): print the
# machine's speed, so figures from two machines are compared for what they are.
reference=$(python3 -c "
import time; t=time.process_time(); s=0
for i in range(10_000_000): s+=i
print(f'{time.process_time()-t:.2f}')")
echo "machine reference: a 10-million-step Python loop takes $reference s of CPU here"

walls=(); cpus=()
for i in $(seq 1 "$runs"); do
  out=$(mktemp); times=$(mktemp)
  # `time` of a subshell counts the CPU of all its waited-for descendants, the services included.
  ( TIMEFORMAT='%R %U %S'; time ( dotnet test --no-build --no-progress "$@" >"$out" 2>&1 ) ) 2>"$times" || true
  read -r wall user sys <"$times"
  cpu=$(python3 -c "print(round($user + $sys, 1))")
  result=$(grep -E "^\s+(total|failed|succeeded):" "$out" | tr -s ' ' | tr '\n' ' ')
  printf 'run %d: wall %6.1f s   cpu %6.1f s   %s\n' "$i" "$wall" "$cpu" "$result"
  # A red run names what failed, so a flake is not mistaken for a slow run.
  grep -E "^failed " "$out" | sed 's/^/        /' || true
  walls+=("$wall"); cpus+=("$cpu")
  rm -f "$out" "$times"
done

python3 - "${walls[*]}" "${cpus[*]}" <<'PY'
import statistics, sys
walls = [float(x) for x in sys.argv[1].split()]
cpus = [float(x) for x in sys.argv[2].split()]
print(f"median of {len(walls)}: wall {statistics.median(walls):.1f} s, cpu {statistics.median(cpus):.1f} s")
PY

overview=bin/Debug/net10.0/TestResults/journeys.txt
if [ -f "$overview" ]; then
  echo "slowest features of the last run (scenario time):"
  python3 - "$overview" <<'PY'
import re, sys
rows = [(float(m.group(2)), m.group(1).strip()) for line in open(sys.argv[1])
        if (m := re.match(r"^\s+(?:ok|FAIL)\s+(.+?)\s+\d+ passed.*?\s([\d.]+) s(?:\s|$)", line))]
for seconds, name in sorted(rows, reverse=True)[:5]:
    print(f"  {seconds:6.1f} s  {name}")
PY
fi
