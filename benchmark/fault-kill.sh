#!/usr/bin/env bash
# Fault-kill benchmark: how many of the faults in faults/ does the acceptance suite catch?
#
#   benchmark/fault-kill.sh                          every fault (about a minute each)
#   benchmark/fault-kill.sh faults/003-*.patch ...   only these
#   benchmark/fault-kill.sh --check [patches...]     only check that each patch applies and builds (no tests)
#
# It copies the working tree to ${SCRATCH:-/tmp/netra-fault-kill}/repo (never touching this tree), builds it
# once, and then for each fault: applies the patch there, rebuilds the stack project(s) it touches, runs only
# the scenarios tagged with the fault's rules (--filter-trait "Category=rule:<id>", OR'ed), reverses the patch
# and rebuilds again. Verdicts:
#   caught      at least one selected scenario failed (or the run timed out: "timeout")
#   missed      every selected scenario passed, or none was selected ("no scenario")
#   equivalent  the patch says no client can observe it (an "Equivalent:" header line): listed, not run
#   broken      the patch does not apply or the stack does not build with it: reported, not counted
# Kill rate = caught / (caught + missed). One line per fault, a summary, and ${SCRATCH}/fault-kill.tsv.
#
# Environment:
#   SCRATCH               where the copy, the results and the TSV go (default /tmp/netra-fault-kill)
#   FAULT_KILL_TIMEOUT    seconds one fault's test run may take (default 420); then its processes are killed
#   FAULT_KILL_FILTER     dotnet test filter options used instead of the fault's rules, e.g.
#                         FAULT_KILL_FILTER='--filter-trait Category=security' (word-split; for trying the script)
#   NETRA_RUN_LOCK        the lock that serialises builds and suite runs on this machine (default /tmp/netra-run.lock)
set -euo pipefail

source_root="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="${SCRATCH:-/tmp/netra-fault-kill}"
timeout_seconds="${FAULT_KILL_TIMEOUT:-420}"
lock="${NETRA_RUN_LOCK:-/tmp/netra-run.lock}"
repo="$SCRATCH/repo"
results="$SCRATCH/results"
tsv="$SCRATCH/fault-kill.tsv"

check_only=false
if [ "${1:-}" = "--check" ]; then check_only=true; shift; fi

# The patches, as absolute paths in this tree (arguments are relative to the current folder or to this tree).
patches=()
if [ $# -gt 0 ]; then
  for p in "$@"; do
    if [ -f "$p" ]; then patches+=("$(cd "$(dirname "$p")" && pwd)/$(basename "$p")")
    elif [ -f "$source_root/$p" ]; then patches+=("$source_root/$p")
    else echo "fault-kill: no such patch: $p" >&2; exit 2; fi
  done
else
  for p in "$source_root"/faults/*.patch; do [ -f "$p" ] && patches+=("$p"); done
fi
[ ${#patches[@]} -gt 0 ] || { echo "fault-kill: no patches found" >&2; exit 2; }

heavy() { flock "$lock" "$@"; }   # one build or suite run at a time on this machine
log() { echo "$*" >&2; }

# ---------------------------------------------------------------------------------------------------------
# Processes of the scratch copy's suite runs: the services run from $repo/artifacts/stack and carry their
# run's marker (acceptance.run=<id> / acceptance-run=<id>, the run ids are the folders under runs/); PostgreSQL
# carries the marker too. Killed by pid, never by name.
runs_dir="$repo/TestResults/netra/runs"
leftover_pids() {
  local pids="" marker
  pids="$(pgrep -f -- "$repo/artifacts/stack/" || true)"
  if [ -d "$runs_dir" ]; then
    for marker in $(ls "$runs_dir"); do
      pids="$pids $(pgrep -f -- "acceptance[.-]run=$marker" || true) $(pgrep -f -- "netra-acceptance-postgres/$marker-" || true)"
    done
  fi
  for pid in $pids; do [ "$pid" != "$$" ] && echo "$pid"; done | sort -u
}
cleanup_processes() {
  local pids
  pids="$(leftover_pids)"
  if [ -z "$pids" ]; then remove_clusters; return 0; fi
  log "  (stopping $(echo $pids | wc -w) leftover process(es) of the run: $(echo $pids))"
  kill -TERM $pids 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    sleep 0.5
    pids="$(leftover_pids)"
    [ -z "$pids" ] && break
  done
  [ -n "$pids" ] && kill -KILL $pids 2>/dev/null || true
  sleep 0.5
  remove_clusters
}
remove_clusters() {
  # The PostgreSQL clusters of this copy's runs (the suite deletes them itself unless its host was killed).
  local marker
  [ -d "$runs_dir" ] || return 0
  for marker in $(ls "$runs_dir"); do rm -rf "${TMPDIR:-/tmp}/netra-acceptance-postgres/$marker"-* 2>/dev/null || true; done
}

current_patch=""
on_exit() {
  # Never leave the scratch copy patched or its processes running, whatever stopped the script.
  if [ -n "$current_patch" ]; then (cd "$repo" && git apply -R "$current_patch" >/dev/null 2>&1) || true; fi
  cleanup_processes
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------
log "== Copying $source_root to $repo"
rm -rf "$repo"
mkdir -p "$repo" "$results"
if command -v rsync >/dev/null; then
  rsync -a --exclude artifacts --exclude bin --exclude obj --exclude TestResults --exclude .git "$source_root/" "$repo/"
else
  (cd "$source_root" && tar -cf - --exclude=./artifacts --exclude=bin --exclude=obj --exclude=./TestResults --exclude=./.git .) \
    | tar -xf - -C "$repo"
fi
cd "$repo"

build_log="$results/build.log"
log "== Building the suite and the stack once"
if ! heavy dotnet build Netra.Acceptance.slnx -nologo -v q --disable-build-servers >"$build_log" 2>&1; then
  tail -30 "$build_log" >&2
  echo "fault-kill: the unpatched tree does not build (see $build_log)" >&2
  exit 1
fi

header() { sed -n "s/^$2: //p" "$1" | head -1; }           # a header line of a patch (before the diff)
projects_of() { grep -oE '^diff --git a/stack/[^/]+/' "$1" | sed -E 's#^diff --git a/stack/##; s#/$##' | sort -u; }

build_projects() {   # build_projects <log> <project>...
  local out="$1"; shift
  local p
  for p in "$@"; do
    [ -f "stack/$p/$p.csproj" ] || continue
    heavy dotnet build "stack/$p/$p.csproj" -nologo -v q --disable-build-servers >>"$out" 2>&1 || return 1
  done
}

# Failed scenarios of one run: from the JUnit report if there is one, else from the test output.
failed_scenarios() {   # failed_scenarios <results dir> <output file>
  python3 - "$1" "$2" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
names = []
for path in glob.glob(sys.argv[1] + "/**/*.xml", recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            names.append(case.get("name") or "?")
if not names:
    for line in open(sys.argv[2], errors="replace"):
        m = re.match(r"^\s*failed (.+?)(?: \((?:\d+(?:\.\d+)?\s*(?:h|m|s|ms)\s*)+\))?\s*$", line)
        if m: names.append(m.group(1))
seen = []
for n in names:
    if n not in seen: seen.append(n)
print("; ".join(seen))
PY
}

printf 'verdict\tfault\tseconds\tservice\trules\tnote\tfault_sentence\tfailed_scenarios\n' >"$tsv"
caught=0; missed=0; equivalent=0; broken=0; ran=0
started_all=$(date +%s)

for patch in "${patches[@]}"; do
  name="$(basename "$patch" .patch)"
  number="${name%%-*}"
  sentence="$(header "$patch" Fault)"
  service="$(header "$patch" Service)"
  rules="$(header "$patch" Rules)"
  equiv="$(header "$patch" Equivalent)"
  started=$(date +%s)
  verdict=""; note=""; failed=""; run_results=""
  out="$results/$name.log"
  : >"$out"

  if [ -n "$equiv" ] && ! $check_only; then
    verdict=equivalent; note="not run: $equiv"
  elif ! git apply --check "$patch" >>"$out" 2>&1; then
    verdict=broken; note="does not apply"
  else
    git apply "$patch"
    current_patch="$patch"
    mapfile -t projects < <(projects_of "$patch")
    if ! build_projects "$out" "${projects[@]}"; then
      verdict=broken; note="does not build: $(grep -m1 -oE 'error [A-Z]+[0-9]+: .*' "$out" | cut -c1-160 || true)"
    elif $check_only; then
      verdict=ok; note="applies and builds (${projects[*]})"
    else
      # The scenarios of the fault's rules (or the override), OR'ed.
      filter=()
      if [ -n "${FAULT_KILL_FILTER:-}" ]; then
        read -r -a filter <<<"$FAULT_KILL_FILTER"
      else
        for rule in $rules; do filter+=(--filter-trait "Category=rule:$rule"); done
      fi
      run_results="$results/$name"
      rm -rf "$run_results" "$repo/TestResults/netra"
      mkdir -p "$run_results"
      rc=0
      # timeout kills the run's whole process group (test host and the services it started) when time is up.
      heavy timeout -k 20 "$timeout_seconds" \
        dotnet test --project Netra.Acceptance.csproj --no-build -p:BuildReferenceStack=false \
          -p:TestReports=true --results-directory "$run_results" --no-progress "${filter[@]}" \
          >>"$out" 2>&1 || rc=$?
      ran=$((ran + 1))
      failed="$(failed_scenarios "$run_results" "$out")"
      case $rc in
        0) verdict=missed ;;
        8) verdict=missed; note="no scenario" ;;
        124|137) verdict=caught; note="timeout after ${timeout_seconds}s" ;;
        2) verdict=caught ;;
        *) verdict=caught; note="test run ended with exit code $rc" ;;
      esac
      if [ "$verdict" = missed ] && [ -n "$failed" ]; then verdict=caught; fi
    fi
    cleanup_processes
    # Keep the run's service logs and failure evidence with its reports; the next run starts without them.
    if [ -d "$repo/TestResults/netra" ] && [ -n "${run_results:-}" ] && [ -d "${run_results:-}" ]; then
      mv "$repo/TestResults/netra" "$run_results/netra"
    fi
    git apply -R "$patch"
    current_patch=""
    # (--check builds nothing more: the next patch rebuilds the projects it touches.)
    if ! $check_only && ! build_projects "$out" "${projects[@]}"; then
      echo "fault-kill: the stack does not build again after reversing $name (see $out)" >&2
      exit 1
    fi
  fi

  seconds=$(( $(date +%s) - started ))
  case $verdict in
    caught) caught=$((caught + 1)) ;;
    missed) missed=$((missed + 1)) ;;
    equivalent) equivalent=$((equivalent + 1)) ;;
    broken) broken=$((broken + 1)) ;;
  esac
  line="$(printf '%-10s  %s  %4ss  %s' "$verdict" "$number" "$seconds" "$sentence")"
  [ -n "$note" ] && line="$line  [$note]"
  echo "$line"
  [ "$verdict" = caught ] && [ -n "$failed" ] && echo "              failed: $failed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$verdict" "$number" "$seconds" "$service" "$rules" "$note" "$sentence" "$failed" >>"$tsv"
done

total=$(( $(date +%s) - started_all ))
if $check_only; then
  summary="checked ${#patches[@]} patch(es): $(( ${#patches[@]} - broken - equivalent )) apply and build, $broken broken; ${total}s"
else
  counted=$((caught + missed))
  rate="n/a"
  [ $counted -gt 0 ] && rate="$(python3 -c "print(f'{$caught / $counted:.1%}')")"
  summary="faults run: $ran, caught: $caught, missed: $missed, equivalent: $equivalent, broken: $broken, kill rate: $rate (caught/(caught+missed)), total time: ${total}s"
fi
echo
echo "$summary"
printf '# %s\n' "$summary" >>"$tsv"
echo "(per fault: $tsv; logs and reports: $results/)"
