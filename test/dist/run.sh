#!/usr/bin/env bash
# End-to-end test of the release bundle (src/dist/, `./mvnw -B -Pdist package`).
#
# Builds the bundle (unless a .tar.gz is given as $1), unpacks it into a temporary folder whose path has a space,
# and runs its bin/hardock under `env -i` with a PATH that has no `java` (only the few tools the launcher may
# use), from another working directory, through a chain of symlinks, and in a network namespace of its own when
# `unshare` allows it. Checks:
#   - its JSON report on testdata/ equals the jar's (run by the JDK at hand) byte for byte, and so does its exit code;
#     so does a custom rule's (CEL), and the language server answers;
#   - the JVM cache made at build time is used by the very first run (classes come from the cache; a bundle of a
#     JDK older than 25 gets only its JDK classes from a cache once moved, see below);
#   - HARDOCK_DIST=1 ./hardock runs through the bundle it built (when this script built it);
#   - a missing or damaged runtime (removed, emptied, truncated, not executable) is refused with exit 2 and one
#     line on stderr, before any JVM starts;
#   - size: a Java 25 bundle (AOT cache) is <= 60 MB unpacked and <= 30 MB compressed (issue 18), or the test
#     fails; an AppCDS bundle of an older JDK only reports its size.
# Exit 0 when all pass, 1 otherwise.
set -uo pipefail

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root"
start=$SECONDS
say() { printf 'dist-test: %s\n' "$*" >&2; }
pass=0 failed=0
ok() { pass=$((pass + 1)); say "ok   $*"; }
bad() { failed=$((failed + 1)); say "FAIL $*"; }

if [[ -n ${1:-} ]]; then
  tarball=$1
else
  say "building the bundle: ./mvnw -B -q -Pdist -DskipTests package"
  ./mvnw -B -q -Pdist -DskipTests package || { say "FAIL: the bundle build failed"; exit 1; }
  tarball=$(ls -t target/dist/hardock-*.tar.gz | head -n 1)
fi
[[ -f $tarball ]] || { say "FAIL: no bundle at $tarball"; exit 1; }
jar=$root/target/hardock.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hardock-dist.XXXXXX")
[[ ${KEEP_TMP:-0} == 1 ]] || trap 'rm -rf -- "$tmp"' EXIT
mkdir -p "$tmp/un packed" "$tmp/tools" "$tmp/links" "$tmp/elsewhere" "$tmp/home"
tar -C "$tmp/un packed" -xzf "$tarball" || { say "FAIL: cannot unpack $tarball"; exit 1; }
name=$(basename -- "$tarball" .tar.gz)
bundle="$tmp/un packed/$name"
[[ -x $bundle/bin/hardock ]] || { say "FAIL: no bin/hardock in $tarball"; exit 1; }

# A PATH with no java: only what the launcher may call (readlink for symlinks, find for its size check).
for t in readlink find; do ln -s "$(command -v "$t")" "$tmp/tools/$t"; done
netless=()
clean() { "${netless[@]}" env -i "HOME=$tmp/home" "PATH=$tmp/tools" "$@"; }
if clean sh -c 'command -v java' >/dev/null 2>&1; then bad "java is on the test PATH"; fi
# ~/.local/bin/hardock -> ../../../links/hd -> the bundle's bin/hardock (relative links)
mkdir -p "$tmp/home/.local/bin"
ln -s "$bundle/bin/hardock" "$tmp/links/hd"
ln -s ../../../links/hd "$tmp/home/.local/bin/hardock"
linked=$tmp/home/.local/bin/hardock
if unshare -n true 2>/dev/null; then netless=(unshare -n); elif unshare -rn true 2>/dev/null; then netless=(unshare -rn); fi

# ---- the same report as the jar ------------------------------------------------------------------
same() {   # what, cwd, args...: jar and bundle from the same directory with the same arguments
  local what=$1 dir=$2; shift 2
  local jrc=0 brc=0
  (cd "$dir" && "$java" -jar "$jar" "$@") > "$tmp/jar.out" 2> "$tmp/jar.err" || jrc=$?
  (cd "$dir" && clean "$linked" "$@") > "$tmp/bundle.out" 2> "$tmp/bundle.err" || brc=$?
  if ((jrc != brc)); then
    bad "$what: exit $brc, the jar's $jrc: $(head -n 3 "$tmp/bundle.err")"
  elif ! cmp -s "$tmp/jar.out" "$tmp/bundle.out"; then
    bad "$what: output differs from the jar's:"; diff "$tmp/jar.out" "$tmp/bundle.out" | head -n 10 >&2
  elif [[ ! -s $tmp/bundle.out ]]; then
    bad "$what: no output"
  else
    ok "$what: same $(wc -c < "$tmp/bundle.out") bytes and exit $brc as the jar"
  fi
}
same "JSON on testdata/ (relative, from the clone)" "$root" --format json testdata
same "JSON on testdata/rules (absolute, from elsewhere)" "$tmp/elsewhere" --format json "$root/testdata/rules"

# ---- the language server starts on the bundle's runtime (LSP4J needs java.logging, which jdeps does not name) ----
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
lrc=0
printf 'Content-Length: %d\r\n\r\n%s' "${#init}" "$init" | clean "$linked" lsp > "$tmp/lsp.out" 2> "$tmp/lsp.err" || lrc=$?
if grep -q '"serverInfo":{"name":"hardock"' "$tmp/lsp.out"; then
  ok "hardock lsp answers initialize, and ends with $lrc when its stdin closes"
else
  bad "hardock lsp: no answer to initialize (exit $lrc): $(head -n 3 "$tmp/lsp.err")"
fi
# ---- a custom rule (CEL, from lib/deps.jar): docs/custom-rules.md's ACME001 on its testdata ---------------------
awk '/^### ACME001/ {f = 1; next} f && /^```yaml/ {p = 1; next} p && /^```/ {exit} p' docs/custom-rules.md \
  > "$tmp/acme.yaml"
same "custom rule ACME001 (CEL) on testdata/custom-rules/ACME001" "$root" --format json -c "$tmp/acme.yaml" \
  testdata/custom-rules/ACME001/bad
if ! grep -q '"ACME001"' "$tmp/bundle.out"; then bad "custom rule ACME001: no ACME001 finding from the bundle"; fi
# its checked expressions are kept in the bundle's lib/rules (a folder with a space in its path here) and read
# back by the next run: the same report again, and nothing on stderr (no JVM warning about protobuf's Unsafe)
kept=$(find "$bundle/lib/rules" -name '*.ast' 2>/dev/null | wc -l)
cp "$tmp/bundle.out" "$tmp/acme.first"
same "custom rule ACME001 again, read back from lib/rules" "$root" --format json -c "$tmp/acme.yaml" \
  testdata/custom-rules/ACME001/bad
if ((kept < 1)); then
  bad "custom rule ACME001: nothing kept in $bundle/lib/rules"
elif ! cmp -s "$tmp/acme.first" "$tmp/bundle.out" || [[ -s $tmp/bundle.err ]]; then
  bad "custom rule ACME001 read back: another report or stderr: $(head -n 3 "$tmp/bundle.err")"
else
  ok "custom rule ACME001: $kept checked expressions kept in lib/rules, read back with the same report"
fi
same "SARIF on testdata/ide" "$root" --format sarif testdata/ide
same "--version" "$tmp/elsewhere" --version
((${#netless[@]})) && say "(the bundle ran without a network: ${netless[*]})" ||
  say "(unshare cannot make a network namespace here: the no-network part is not checked)"

# ---- the first run already uses the JVM cache -----------------------------------------------------
log=$tmp/classload.txt
clean HARDOCK_JAVA_OPTS="-Xlog:class+load=info:file=$log" "$linked" "$root/bench/fixtures/small.Dockerfile" \
  > /dev/null 2>&1
cached=$(grep -c 'source: shared objects file' "$log" 2>/dev/null || true)
total=$(grep -c 'source:' "$log" 2>/dev/null || true)
if [[ -f $bundle/lib/hardock.aot ]]; then
  if ((cached > 1000 && cached * 10 > total * 9)); then
    ok "first run: $cached of $total classes from the AOT cache made at build time"
  else
    bad "first run: only ${cached:-0} of ${total:-0} classes from the AOT cache"
  fi
elif ((cached > 500)); then
  # JDK 17 checks an AppCDS archive's class path literally: hardock's own classes come from the archive only
  # where the bundle was built; the JDK's classes come from the runtime's default CDS archive anywhere.
  ok "first run: $cached of $total classes from the CDS archives (AppCDS bundle of a JDK older than 25)"
else
  bad "first run: only ${cached:-0} of ${total:-0} classes from the CDS archives"
fi

# ---- a missing or damaged runtime is refused: exit 2, one line, nothing on stdout ------------------
refused() {   # what, command to damage a fresh copy (run in the copy)
  local what=$1 copy=$tmp/damaged rc=0
  rm -rf -- "$copy"; cp -a "$bundle" "$copy"
  (cd "$copy" && eval "$2")
  clean "$copy/bin/hardock" "$root/bench/fixtures/small.Dockerfile" > "$tmp/d.out" 2> "$tmp/d.err" || rc=$?
  local lines
  lines=$(wc -l < "$tmp/d.err")
  if ((rc == 2 && lines == 1)) && [[ ! -s $tmp/d.out ]] && grep -q '^hardock: .*unpack the release archive again$' "$tmp/d.err"; then
    ok "$what: refused: $(cat "$tmp/d.err")"
  else
    bad "$what: exit $rc, $lines lines on stderr: $(head -c 300 "$tmp/d.err")"
  fi
}
refused "runtime removed" 'rm -rf runtime'
refused "lib/modules emptied" ': > runtime/lib/modules'
refused "lib/modules truncated" 'head -c 100000 '"'$bundle'"'/runtime/lib/modules > runtime/lib/modules'
refused "libjvm truncated" 'f=$(ls runtime/lib/server/libjvm.*); head -c 100000 "'"$bundle"'/$f" > "$f"'
refused "java not executable" 'chmod a-x runtime/bin/java'
refused "release file removed" 'rm runtime/release'
refused "cache truncated" 'f=$(ls lib/hardock.aot lib/hardock.jsa 2>/dev/null); head -c 4096 "'"$bundle"'/$f" > "$f"'

# ---- the size check starts find only for a bundle whose files were rewritten since it was built ---------------
# (tar keeps the files' times, and lib/bundle.sizes is written last): counted with a find that logs its calls.
mkdir -p "$tmp/counting"
printf '#!/bin/sh\necho x >> "%s"\nexec "%s" "$@"\n' "$tmp/find.calls" "$(command -v find)" > "$tmp/counting/find"
chmod +x "$tmp/counting/find"
ln -s "$(command -v readlink)" "$tmp/counting/readlink"
finds() {   # bundle: runs it once, prints how many times it started find
  : > "$tmp/find.calls"
  "${netless[@]}" env -i "HOME=$tmp/home" "PATH=$tmp/counting" "$1/bin/hardock" --version > /dev/null 2>&1 ||
    echo "failed"
  wc -l < "$tmp/find.calls" | tr -d ' '
}
n=$(finds "$bundle")
if [[ $n == 0 ]]; then ok "an untouched bundle starts no find"; else bad "an untouched bundle: find started $n times"; fi
rm -rf -- "$tmp/touched"; cp -a "$bundle" "$tmp/touched"; touch "$tmp/touched/runtime/release"
n=$(finds "$tmp/touched")
if [[ $n == 1 ]]; then ok "a bundle with a rewritten file checks the sizes with one find, and runs"
else bad "a bundle with a rewritten file: find started ${n//$'\n'/ } times"; fi

# ---- ./hardock of the clone runs through the bundle it built, with HARDOCK_DIST=1 ------------------------
if [[ -z ${1:-} ]]; then
  home=$(HARDOCK_DIST=1 HARDOCK_JAVA_OPTS=-XshowSettings:properties ./hardock --version 2>&1 >/dev/null |
    sed -n 's/^ *java.home = //p')
  if [[ $home == "$root/target/dist/$name/runtime" ]]; then ok "HARDOCK_DIST=1 ./hardock runs on the bundle's runtime"
  else bad "HARDOCK_DIST=1 ./hardock runs on ${home:-nothing}, not on $root/target/dist/$name/runtime"; fi
fi

# ---- size ---------------------------------------------------------------------------------------------
unpacked=$(du -sk -- "$bundle" | awk '{print $1}')
zipped=$(wc -c < "$tarball")
mb() { awk -v k="$1" 'BEGIN {printf "%.1f MB", k / 1024}'; }
sizes="unpacked $(mb "$unpacked"), compressed $(mb $((zipped / 1024)))"
if [[ -f $bundle/lib/hardock.aot ]]; then
  # issue 18's limits; src/dist/build.sh says what keeps the bundle under them
  if ((unpacked <= 60 * 1024 && zipped <= 30 * 1024 * 1024)); then ok "size: $sizes (limits 60 MB, 30 MB)"
  else bad "size: $sizes, over the limits of 60 MB unpacked and 30 MB compressed"; fi
else
  say "size: $sizes (AppCDS bundle of a JDK older than 25: not held to the limits)"
fi

say "took $((SECONDS - start)) s"
echo "dist-test: $pass passed, $failed failed"
((failed == 0))
