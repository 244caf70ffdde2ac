#!/usr/bin/env bash
# Automated test of ./hardock (the launcher), independent of the real Main:
# it copies the launcher into a scratch root with a tiny test jar built by
# javac, and a fake mvnw, then checks
#   - exit codes pass through, stdout is only the program's, stderr stays empty
#   - 6 concurrent first runs with no cache: all succeed, one cache appears,
#     no temp/claim files are left behind
#   - the cache is then really used (class+load log says "shared objects file")
#   - corrupt / truncated / empty / unreadable cache files fall back silently
#   - a changed jar gets a new cache and the old one is removed
#   - symlinked invocation; stale jar => one (locked) rebuild for 4 parallel runs
# Runs for every JDK given (default: Java 17 and 25 below, when present).
# Usage: bench/launcher-test.sh [java ...]     (about 20-40 s; not run by CI)
set -u
here=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
launcher=$here/../hardock

javas=("$@")
if ((${#javas[@]} == 0)); then
  for j in /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
    [[ -x $j ]] && javas+=("$j")
  done
fi
((${#javas[@]})) || { echo "no JDK found; pass java binaries as arguments" >&2; exit 2; }

pass=0 fail=0
ok()   { pass=$((pass + 1)); echo "ok   $*"; }
bad()  { fail=$((fail + 1)); echo "FAIL $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# ---- a test jar: prints "hi", exits with exit=N, stderr untouched ----------
jdk_home_of() { local r; r=$(readlink -f -- "$1"); echo "${r%/bin/java}"; }
javac=$(jdk_home_of "${javas[0]}")/bin/javac
jartool=$(jdk_home_of "${javas[0]}")/bin/jar
mkdir -p "$scratch/jsrc/dev/hardock/cli" "$scratch/classes"
cat > "$scratch/jsrc/dev/hardock/cli/Main.java" <<'EOF'
package dev.hardock.cli;
public final class Main {
  public static void main(String[] a) {
    int exit = 0;
    for (String s : a) if (s.startsWith("exit=")) exit = Integer.parseInt(s.substring(5));
    java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of(a));
    java.util.Collections.sort(l);
    System.out.println("hi");
    System.exit(exit);
  }
}
EOF
cat > "$scratch/jsrc/dev/hardock/cli/Train.java" <<'EOF'
package dev.hardock.cli;
public final class Train {   // the launcher's training run: loads Main, prints nothing
  public static void main(String[] a) throws Exception {
    Class.forName("dev.hardock.cli.Main");
    java.util.List<String> l = new java.util.ArrayList<>(java.util.List.of("b", "a"));
    java.util.Collections.sort(l);
  }
}
EOF
"$javac" --release 17 -d "$scratch/classes" "$scratch/jsrc/dev/hardock/cli/Main.java" \
  "$scratch/jsrc/dev/hardock/cli/Train.java" || exit 2
"$jartool" --create --file "$scratch/test.jar" --main-class dev.hardock.cli.Main -C "$scratch/classes" . || exit 2

new_root() {   # fresh project root with launcher, jar, fake mvnw
  root=$scratch/root$1
  mkdir -p "$root/target" "$root/src/main" "$root/src/dist/lib"
  cp "$launcher" "$root/hardock"
  cp "$here/../src/dist/lib/jvm-cache.sh" "$root/src/dist/lib/"
  echo '<project/>' > "$root/pom.xml"
  cat > "$root/mvnw" <<'EOF'
#!/usr/bin/env bash
# fake build: counts invocations, takes a moment, refreshes the jar
echo build >> target/builds.log
sleep 1
cp ../test.jar target/hardock.jar
EOF
  chmod +x "$root/mvnw"
  touch -d '-1 min' "$root/pom.xml"
  cp "$scratch/test.jar" "$root/target/hardock.jar"
}

# run launcher: sets rc, out, err
run() {
  local i=$1; shift
  "$@" > "$scratch/out.$i" 2> "$scratch/err.$i"; echo $? > "$scratch/rc.$i"
}
expect_clean() {   # index, expected rc
  [[ $(< "$scratch/rc.$1") == "$2" && $(< "$scratch/out.$1") == hi && ! -s $scratch/err.$1 ]] || {
    echo "     rc=$(< "$scratch/rc.$1") out=[$(< "$scratch/out.$1")] err=[$(head -c 400 "$scratch/err.$1")]"
    return 1
  }
}
cache_files() { compgen -G "$root/target/jvm-cache/hardock-*" | grep -v '\.claim$\|\.tmp' ; }
leftovers()   { compgen -G "$root/target/jvm-cache/*.claim" ; compgen -G "$root/target/jvm-cache/*.tmp*" ; }
wait_cache()  { for _ in $(seq 100); do [[ -z $(leftovers) && -n $(cache_files) ]] && return 0; sleep 0.2; done; return 1; }
uses_cache()  {
  HARDOCK_JAVA=$1 HARDOCK_JAVA_OPTS="-Xlog:class+load=info:file=$scratch/cl.txt" "$root/hardock" >/dev/null 2>&1
  grep -q 'dev.hardock.cli.Main source: shared objects file' "$scratch/cl.txt"
}

n=0
for java in "${javas[@]}"; do
  n=$((n + 1)); new_root "$n"
  v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$(jdk_home_of "$java")/release")
  echo "== Java $v ($java)"
  export HARDOCK_JAVA=$java

  for i in 1 2 3 4 5 6; do run "$i" "$root/hardock" exit=3 & done; wait
  all=1; for i in 1 2 3 4 5 6; do expect_clean "$i" 3 || all=0; done
  check "6 concurrent first runs: rc 3 passed through, stdout 'hi', stderr empty" test $all = 1
  check "one cache file appears, no claim/tmp left" wait_cache
  check "exactly one cache file" test "$(cache_files | wc -l)" = 1
  check "the cache is used" uses_cache "$java"
  run 7 "$root/hardock" exit=0; check "cached run: rc 0, clean" expect_clean 7 0
  run 7 "$root/hardock" exit=5; check "cached run: rc 5, clean" expect_clean 7 5

  cache=$(cache_files); good=$scratch/good.cache; cp "$cache" "$good"
  head -c 200000 /dev/urandom > "$cache"
  run 8 "$root/hardock" exit=4; check "garbage cache: silent fallback" expect_clean 8 4
  if [[ $v == 17* || $v == 1[89]* || $v == 2[0-4]* ]]; then
    # JDK 17 maps past EOF and dies of SIGBUS on a truncated archive; the
    # launcher verifies before publishing, so only outside damage gets here.
    echo "skip truncated cache in place (known JDK $v crash; fix: rm -rf target/jvm-cache)"
  else
    head -c 4096 "$good" > "$cache"
    run 8 "$root/hardock" exit=4; check "truncated cache: silent fallback" expect_clean 8 4
  fi
  # Valid header, garbage body: neither JDK 17 nor 25 checks region CRCs by
  # default and the JVM crashes. The cache is only ever published by rename,
  # so this needs outside damage; -XX:+VerifySharedSpaces (5-13 ms) covers it.
  cp "$good" "$cache"; chmod u+w "$cache"
  dd if=/dev/urandom of="$cache" bs=4096 seek=16 count=8 conv=notrunc status=none
  run 8 env HARDOCK_JAVA_OPTS=-XX:+VerifySharedSpaces "$root/hardock" exit=4
  check "corrupt body + VerifySharedSpaces: silent fallback" expect_clean 8 4
  : > "$cache"
  run 8 "$root/hardock" exit=4; check "empty cache: silent fallback" expect_clean 8 4
  if ((EUID == 0)) && command -v setpriv >/dev/null; then
    cp "$good" "$cache"; chmod 000 "$cache"; chmod -R a+rX "$scratch"
    run 8 setpriv --reuid=nobody --regid=nogroup --clear-groups env HARDOCK_JAVA="$java" "$root/hardock" exit=4
    check "unreadable cache (as nobody): silent fallback" expect_clean 8 4
    chmod 644 "$cache"
  fi
  rm -f "$cache"; cp "$good" "$cache"

  # a rebuilt jar (new mtime) gets its own cache; the old one goes away
  sleep 1.1; touch "$root/target/hardock.jar"
  run 9 "$root/hardock" exit=0; check "new jar: first run clean" expect_clean 9 0
  wait_cache
  check "new jar: old cache removed, one new cache" test "$(cache_files | wc -l)" = 1 -a "$(cache_files)" != "$cache"
  check "new jar: new cache used" uses_cache "$java"

  # symlinked invocation from elsewhere, with a relative cwd
  mkdir -p "$scratch/bin$n"; ln -sf "$root/hardock" "$scratch/bin$n/hardock"
  (cd / && run 10 "$scratch/bin$n/hardock" exit=2); check "symlinked launcher" expect_clean 10 2
  ln -sf "../bin$n/hardock" "$scratch/bin$n/hardock2"
  (cd "$scratch" && run 10 "bin$n/hardock2" exit=0); check "symlink to symlink, relative" expect_clean 10 0

  # stale jar: 4 parallel runs build exactly once (build noise goes to stderr)
  rm -f "$root/target/builds.log"; sleep 1.1; touch "$root/src/main/Changed.java"
  for i in 1 2 3 4; do run "$i" "$root/hardock" exit=0 & done; wait
  all=1; for i in 1 2 3 4; do
    [[ $(< "$scratch/rc.$i") == 0 && $(< "$scratch/out.$i") == hi ]] || all=0
  done
  check "stale jar: 4 parallel runs ok, stdout clean" test $all = 1
  check "stale jar: exactly one build" test "$(wc -l < "$root/target/builds.log")" = 1
  run 5 "$root/hardock" exit=0; check "fresh jar: no build, no noise" expect_clean 5 0
  check "fresh jar: still one build" test "$(wc -l < "$root/target/builds.log")" = 1
  wait_cache

  # HARDOCK_JVM_CACHE=0
  run 11 env HARDOCK_JVM_CACHE=0 "$root/hardock" exit=6; check "HARDOCK_JVM_CACHE=0" expect_clean 11 6
done
unset HARDOCK_JAVA

echo "$pass passed, $fail failed"
((fail == 0))
