#!/usr/bin/env bash
# The language server's speed (issue 14): median and p95 from didChange to publishDiagnostics over 1,000 edits
# of a 300-line Dockerfile and a 300-line compose file (bench/lsp_client.py, one edit at a time), and start-up
# to the initialize answer, beside the CLI's cold start on one small Dockerfile (java -jar, same JVM). Writes
# bench/results/lsp.md (gitignored). Env: EDITS (1000), WARM (100 edits first, untimed), RUNS (cold starts, 10),
# JAVA (java binary, default: the one on PATH).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
JAVA=${JAVA:-java}
EDITS=${EDITS:-1000}
WARM=${WARM:-100}
RUNS=${RUNS:-10}
./hardock --version >/dev/null 2>&1 || true   # builds the jar when stale
jar=$PWD/target/hardock.jar
mkdir -p bench/results

# the CLI's cold start: whole processes, median of RUNS
cold=()
for ((i = 0; i < RUNS; i++)); do
  s=$(date +%s%N)
  "$JAVA" -jar "$jar" --no-color bench/fixtures/small.Dockerfile >/dev/null 2>&1 || true
  cold+=($(( ($(date +%s%N) - s) / 1000000 )))
done
cold_median=$(printf '%s\n' "${cold[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

# start-up to initialize: median of RUNS servers (each answered, then shut down)
starts=()
for ((i = 0; i < RUNS; i++)); do
  python3 bench/lsp_client.py --cmd "$JAVA -jar $jar lsp" --edits 2 --warm 0 --json /tmp/hardock-lsp-start.$$.json >/dev/null
  starts+=($(python3 -c "import json; print(round(json.load(open('/tmp/hardock-lsp-start.$$.json'))['startup_ms']))"))
done
rm -f /tmp/hardock-lsp-start.$$.json
start_median=$(printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

table=$(python3 bench/lsp_client.py --cmd "$JAVA -jar $jar lsp" --edits "$EDITS" --warm "$WARM")
{
  echo "# hardock lsp ($(date -u +%Y-%m-%d), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1))"
  echo
  echo "$table"
  echo
  echo "Start-up to initialize answered, median of $RUNS: ${start_median} ms; the CLI's cold start (java -jar, one small"
  echo "Dockerfile, whole process), median of $RUNS: ${cold_median} ms. Load average when it ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "(the server's CPU per edit, from /proc, is what the machine's load does not inflate)."
} | tee bench/results/lsp.md
