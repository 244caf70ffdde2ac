#!/usr/bin/env bash
# The release bundle (./mvnw -Pdist package): start-up of one small Dockerfile as a whole process, with hyperfine,
# against the floor of its own runtime (`java -version`), hadolint, dockerfilelint and ./hardock on Java 17 (with
# its AppCDS cache); then its size and its peak RSS on the corpus's Dockerfile tree.
#   bench/bundle.sh [BUNDLE.tar.gz]     (default: the newest target/dist/*.tar.gz, built when there is none)
# The bundle is unpacked into a temporary folder first, as a user would; its cache is the one made at build time.
# hadolint and dockerfilelint come from bench/peers.sh's install (bench/.peers/); a missing one is skipped.
# Writes bench/results/bundle.md (and bundle.json) and prints it.
# Env: RUNS (default 20), WARMUP (default 3), JAVA17 (java binary), CORPUS (default ../shared/corpus),
#      JDK_FLOOR (a full JDK's java for one more floor, default the Temurin 25 below when present),
#      PEERS_SKIP_INSTALL=1 (do not install the peers)
# Targets (issue 18): <= 80 ms median and <= 2.5x the runtime's `java -version`; <= 60 MB unpacked, <= 30 MB
# compressed; peak RSS on the tree < 300 MB.
set -uo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
root=$PWD
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
JDK_FLOOR=${JDK_FLOOR:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CORPUS=${CORPUS:-$root/../shared/corpus}
small=$root/bench/fixtures/small.Dockerfile
log() { echo "bundle-bench: $*" >&2; }

if ! command -v hyperfine >/dev/null; then
  if [[ $EUID == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else
    log "hyperfine is needed (apt-get install hyperfine)"; exit 1
  fi
fi

tarball=${1:-$(ls -t target/dist/hardock-*.tar.gz 2>/dev/null | head -n 1)}
if [[ -z $tarball ]]; then
  log "building the bundle"
  ./mvnw -B -q -Pdist -DskipTests package || exit 1
  tarball=$(ls -t target/dist/hardock-*.tar.gz | head -n 1)
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardock-bundle-bench.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
tar -C "$tmp" -xzf "$tarball" || exit 1
bundle=$tmp/$(basename -- "$tarball" .tar.gz)
hd=$bundle/bin/hardock

# the peers, as bench/peers.sh installs them (one place for how)
if [[ ${PEERS_SKIP_INSTALL:-0} != 1 ]]; then
  PEERS_INSTALL_ONLY=1 SKIP_GO_PEERS=1 SKIP_CHECKOV=1 CORPUS=$CORPUS bench/peers.sh >/dev/null 2>&1 ||
    log "bench/peers.sh could not install the peers"
fi
hadolint=$root/bench/.peers/venv/bin/hadolint
dockerfilelint=$root/bench/.peers/npm/node_modules/.bin/dockerfilelint

# ./hardock on Java 17: the jar current, its AppCDS cache trained (in the background after a first run)
if [[ -x $JAVA17 ]]; then
  HARDOCK_JAVA=$JAVA17 ./hardock "$small" >/dev/null 2>&1
  for _ in $(seq 600); do compgen -G 'target/jvm-cache/*.claim' >/dev/null || break; sleep 0.2; done
fi

names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "bundle: bin/hardock" "$hd $small"
add "bundle runtime: java -version" "$bundle/runtime/bin/java -version"
# The jlink runtime has no default CDS archive of its own (on Java 25 the AOT cache holds the JDK's classes too),
# so its bare `java -version` is slower than a full JDK's: the same with hardock's options and cache, and the
# JDK's own, show the other floors.
. "$bundle/lib/jvm-cache.sh"
hj_release "$bundle/runtime" && hj_flags "$hj_feature"
cache=$bundle/lib/hardock.${hj_ext:-none}
[[ -f $cache ]] && add "bundle runtime: java -version, its options and cache" \
  "$bundle/runtime/bin/java $hj_opts $hj_use $hj_file$cache -version"
[[ -n ${JDK_FLOOR:-} && -x $JDK_FLOOR ]] && add "$JDK_FLOOR -version (a full JDK)" "$JDK_FLOOR -version"
[[ -x $hadolint ]] && add "hadolint" "$hadolint --no-fail $small"
[[ -x $dockerfilelint ]] && add "dockerfilelint" "$dockerfilelint $small"
[[ -x $JAVA17 ]] && add "./hardock (Java 17, AppCDS)" "env HARDOCK_JAVA=$JAVA17 $root/hardock $small"

mkdir -p bench/results
json=bench/results/bundle.json
args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine -N -i --warmup "$WARMUP" --runs "$RUNS" --style basic --output=null --export-json "$json" "${args[@]}" >&2

# size and memory
unpacked_kb=$(du -sk -- "$bundle" | awk '{print $1}')
zipped=$(wc -c < "$tarball")
part() { du -sk -- "$@" | awk '{s += $1} END {print s}'; }
runtime_kb=$(part "$bundle/runtime")
jar_kb=$(part "$bundle"/lib/*.jar)
cache_kb=$(part "$bundle"/lib/hardock.aot "$bundle"/lib/hardock.jsa 2>/dev/null)
rss_kb=
if [[ -x /usr/bin/time && -d $CORPUS/dockerfiles ]]; then
  rss_kb=$(/usr/bin/time -f '%M' -o "$tmp/rss" "$hd" --type dockerfile --fail-on none -q "$CORPUS/dockerfiles" \
    >/dev/null 2>&1; cat "$tmp/rss" 2>/dev/null | tail -n 1)
fi
hj=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$bundle/runtime/release")

python3 - "$json" "$RUNS" "$(basename -- "$tarball")" "$hj" "$unpacked_kb" "$zipped" "$runtime_kb" "$jar_kb" \
  "${cache_kb:-0}" "${rss_kb:-}" "$(uptime | sed 's/.*load average: //')" <<'PY' | tee bench/results/bundle.md
import json, os, platform, statistics, sys
path, runs, name, jv, unpacked, zipped, rt, jar, cache, rss, load = sys.argv[1:]
res = {r["command"]: r for r in json.load(open(path))["results"]}
med = {k: statistics.median(r["times"]) * 1000 for k, r in res.items()}
floor = med.get("bundle runtime: java -version")
mine = med.get("bundle: bin/hardock")
print(f"Bundle {name} (Java {jv}): one small Dockerfile, {runs} runs each, median wall time "
      f"({os.cpu_count()} cores, {platform.machine()}, load average {load}):\n")
print("| command | median ms | vs bundle | vs its java -version | user ms | sys ms |")
print("|---|---:|---:|---:|---:|---:|")
for k, r in res.items():
    m = med[k]
    print(f"| {k} | {m:.1f} | {m / mine:.2f}x | {m / floor:.2f}x | {r['user'] * 1000:.1f} | {r['system'] * 1000:.1f} |")
mb = lambda kb: f"{int(kb) / 1024:.1f} MB"
print(f"\nSize: {mb(unpacked)} unpacked (runtime {mb(rt)}, jar {mb(jar)}, cache {mb(cache)}), "
      f"{int(zipped) / 1048576:.1f} MB compressed (targets: 60 MB, 30 MB)")
if rss:
    print(f"Peak RSS, the corpus's Dockerfile tree from the bundle: {int(rss) / 1024:.0f} MB (target < 300 MB)")
print(f"Start-up targets: <= 80 ms: {mine:.1f} ms; <= 2.5x its java -version: {mine / floor:.2f}x")
PY
