#!/usr/bin/env bash
# Whole-process start-up time of hardock on one small Dockerfile, with hyperfine.
#   plain java -jar (Java 17) | ./hardock on Java 17 (AppCDS) |
#   ./hardock on Java 25 (AOT cache) | plain java -jar (Java 25) | java -version floors
# Writes bench/results/startup.md (gitignored) and prints the medians.
# Env: JAVA17, JAVA25 (java binaries), RUNS (default 30), WARMUP (default 5).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-5}
file=bench/fixtures/small.Dockerfile

if ! command -v hyperfine >/dev/null; then
  if [[ $EUID == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else
    echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1
  fi
fi

./hardock --version >/dev/null 2>&1 || true      # builds the jar when stale
jar=$PWD/target/hardock.jar

# Create the caches first (the launcher trains them in the background on its
# built-in samples after a first plain run), then wait for the publish.
names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
for j in "$JAVA17" "$JAVA25"; do
  [[ -x $j ]] || continue
  HARDOCK_JAVA=$j ./hardock "$file" >/dev/null 2>&1 || true
done
for _ in $(seq 600); do compgen -G 'target/jvm-cache/*.claim' >/dev/null || break; sleep 0.2; done

if [[ -x $JAVA17 ]]; then
  add "java -version (Java 17, floor)" "$JAVA17 -version"
  add "java -jar (Java 17, plain)" "$JAVA17 -jar $jar $file"
  add "./hardock (Java 17, AppCDS)" "env HARDOCK_JAVA=$JAVA17 ./hardock $file"
  add "./hardock (Java 17, cache off)" "env HARDOCK_JAVA=$JAVA17 HARDOCK_JVM_CACHE=0 ./hardock $file"
fi
if [[ -x $JAVA25 ]]; then
  add "java -version (Java 25, floor)" "$JAVA25 -version"
  add "java -jar (Java 25, plain)" "$JAVA25 -jar $jar $file"
  add "./hardock (Java 25, AOT cache)" "env HARDOCK_JAVA=$JAVA25 ./hardock $file"
fi

mkdir -p bench/results
json=bench/results/startup.json
args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine -N -i --warmup "$WARMUP" --runs "$RUNS" --output=null --export-json "$json" "${args[@]}" >&2

python3 - "$json" "$RUNS" <<'PY' | tee bench/results/startup.md
import json, platform, statistics, sys, os
res = json.load(open(sys.argv[1]))["results"]
print(f"Start-up, one small Dockerfile, {sys.argv[2]} runs each, median wall time "
      f"({os.cpu_count()} cores, {platform.machine()}):\n")
print("| command | median ms | mean ± sd ms | user ms | sys ms |")
print("|---|---:|---:|---:|---:|")
for r in res:
    print(f"| {r['command']} | {statistics.median(r['times'])*1000:.1f} | "
          f"{r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} | {r['user']*1000:.1f} | {r['system']*1000:.1f} |")
PY
