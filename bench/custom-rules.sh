#!/usr/bin/env bash
# What custom rules cost, with hyperfine, in one run:
#   (1) start-up of a plain run (one small Dockerfile, no configuration) with the jar before custom rules
#       existed (BASE_REF, built once into bench/.base/) and with this tree's jar: CEL must cost nothing there;
#   (2) the corpus's Dockerfile tree (--type dockerfile on ../shared/corpus/dockerfiles) without and with the
#       20 custom rules of bench/fixtures/custom-rules-20.yaml (target: less than 20 % slower), with `java -jar`
#       (tiered JIT, G1, no class-data cache) and through ./hardock as users run it (C1 only, SerialGC, its
#       trained AppCDS archive or AOT cache, and the checked expressions it keeps between runs: the warm-up run
#       keeps them), plus one Dockerfile through ./hardock with and without the rules.
# Writes bench/results/custom-rules.md. Env: BASE_REF (default: the parent of the first commit that added
# rule/custom), JAVA (default java), RUNS_SMALL (20), RUNS_BIG (3), WARMUP (3).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
JAVA=${JAVA:-java}
RUNS_SMALL=${RUNS_SMALL:-20}
RUNS_BIG=${RUNS_BIG:-3}
WARMUP=${WARMUP:-3}
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
tree=../shared/corpus/dockerfiles
[[ -d $tree ]] || { echo "$tree is missing" >&2; exit 1; }

./hardock --version >/dev/null 2>&1 || true   # builds target/hardock.jar when stale
# ./hardock's JVM cache is trained in the background after its first run: wait for it
for _ in $(seq 600); do compgen -G 'target/jvm-cache/*.claim' >/dev/null || break; sleep 0.2; done
jar=$PWD/target/hardock.jar

first=$(git log --diff-filter=A --format=%H -- src/main/java/dev/hardock/rule/custom/CustomRule.java | tail -1)
BASE_REF=${BASE_REF:-${first:+$first^}}
base_jar=
if [[ -n $BASE_REF ]]; then
  rev=$(git rev-parse --short "$BASE_REF")
  base_jar=$PWD/bench/.base/hardock-$rev.jar
  if [[ ! -f $base_jar ]]; then
    wt=$(mktemp -d)
    git worktree add -q --detach "$wt" "$BASE_REF"
    (cd "$wt" && ./mvnw -B -q -DskipTests package >/dev/null)
    mkdir -p bench/.base && cp "$wt/target/hardock.jar" "$base_jar"
    git worktree remove --force "$wt"
  fi
fi

small=bench/fixtures/small.Dockerfile
config=bench/fixtures/custom-rules-20.yaml
empty=$(mktemp -d)   # no configuration found from here: the plain run
trap 'rm -rf "$empty"' EXIT
cp "$small" "$empty/Dockerfile"
mkdir -p bench/results
args=()
[[ -n $base_jar ]] && args+=(-n "plain run, before ($rev)" "$JAVA -jar $base_jar $empty/Dockerfile")
args+=(-n "plain run, after" "$JAVA -jar $jar $empty/Dockerfile")
load_before=$(uptime)
hyperfine -N -i --warmup "$WARMUP" --runs "$RUNS_SMALL" --output=null --export-json bench/results/custom-rules-small.json "${args[@]}" >&2
hyperfine -i --warmup 1 --runs "$RUNS_BIG" --output=null --export-json bench/results/custom-rules-tree.json \
  -n "Dockerfile tree, no custom rule" "$JAVA -jar $jar --type dockerfile -q --fail-on none $tree" \
  -n "Dockerfile tree, 20 custom rules" "$JAVA -jar $jar --type dockerfile -q --fail-on none -c $config $tree" \
  -n "./hardock: Dockerfile tree, no custom rule" "./hardock --type dockerfile -q --fail-on none $tree" \
  -n "./hardock: Dockerfile tree, 20 custom rules" "./hardock --type dockerfile -q --fail-on none -c $config $tree" \
  -n "./hardock: one Dockerfile, no custom rule" "./hardock -q --fail-on none $empty/Dockerfile" \
  -n "./hardock: one Dockerfile, 20 custom rules" "./hardock -q --fail-on none -c $config $empty/Dockerfile" >&2

load_after=$(uptime)
LOAD_BEFORE=$load_before LOAD_AFTER=$load_after python3 - bench/results/custom-rules-small.json bench/results/custom-rules-tree.json <<'PY' | tee bench/results/custom-rules.md
import json, os, platform, statistics, sys
print(f"Custom rules, median wall time ({os.cpu_count()} cores, {platform.machine()}):\n")
print("| case | median ms | mean ± sd ms | user CPU ms (mean) |")
print("|---|---:|---:|---:|")
med = {}
for f in sys.argv[1:]:
    for r in json.load(open(f))["results"]:
        m = statistics.median(r["times"]) * 1000
        med[r["command"]] = m
        print(f"| {r['command']} | {m:.0f} | {r['mean']*1000:.0f} ± {(r['stddev'] or 0)*1000:.0f} | {r['user']*1000:.0f} |")
print()
keys = list(med)
before = [k for k in keys if k.startswith("plain run, before")]
if before:
    print(f"plain run after / before: {med['plain run, after'] / med[before[0]]:.3f}")
print(f"20 custom rules / none on the tree: {med['Dockerfile tree, 20 custom rules'] / med['Dockerfile tree, no custom rule']:.3f} (target < 1.20)")
print(f"through ./hardock (C1, SerialGC, AppCDS/AOT cache, as users run it): tree {med['./hardock: Dockerfile tree, 20 custom rules'] / med['./hardock: Dockerfile tree, no custom rule']:.3f}, one Dockerfile {med['./hardock: one Dockerfile, 20 custom rules'] / med['./hardock: one Dockerfile, no custom rule']:.3f}")
print()
print(f"load (uptime) before: {os.environ.get('LOAD_BEFORE', '?').strip()}")
print(f"load (uptime) after:  {os.environ.get('LOAD_AFTER', '?').strip()}")
PY
