#!/usr/bin/env bash
# Builds the release bundle target/dist/hardock-<version>-<os>-<arch>.tar.gz, run by `./mvnw -B -Pdist package`
# (the `dist` profile of pom.xml, after the jar is built) with these variables:
#   DIST_VERSION, DIST_OS, DIST_ARCH   project.version, os.name, os.arch (of the JVM that runs Maven)
#   DIST_JAR, DIST_OUT                 target/hardock.jar, target/dist
#   DIST_JDK                           -Dhardock.dist.jdk=PATH: the JDK whose runtime goes into the bundle
#   DIST_MAVEN_JAVA_HOME               java.home of the JVM that runs Maven
#   DIST_EXCLUDE_MODULES               -Dhardock.dist.exclude-modules: modules jdeps names that hardock never loads
#   DIST_ADD_MODULES                   -Dhardock.dist.add-modules: modules hardock loads that jdeps does not name
#
# The JDK: DIST_JDK when given (it must work); else the newest JDK (highest feature version, Java 17 or newer,
# with jlink, jdeps and jar) among $JAVA_HOME, the one running Maven, /usr/lib/jvm/* and (macOS)
# /Library/Java/JavaVirtualMachines/*/Contents/Home; when jlink fails with one (a JDK without jmods that was
# not built with --enable-linkable-runtime), the next one. Java 25 where present: its AOT cache starts fastest.
#
# Layout (the launcher src/dist/bin/hardock documents it): bin/hardock, lib/hardock.jar, lib/deps.jar, lib/jvm-cache.sh,
# lib/hardock.aot (Java 25+) or lib/hardock.jsa (AppCDS, Java 17-24), runtime/ (jlink), README.md.
# The cache is trained here, once, with the bundle's own runtime and jar (src/dist/lib/jvm-cache.sh hj_create),
# so the first run of an unpacked bundle is already fast; both JVM caches stay valid when the bundle moves.
set -euo pipefail

here=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
basedir=$(cd -P -- "$here/../.." && pwd -P)
say() { printf 'dist: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
# shellcheck source=lib/jvm-cache.sh
. "$here/lib/jvm-cache.sh"

version=${DIST_VERSION:?}
jar=${DIST_JAR:-$basedir/target/hardock.jar}
out=${DIST_OUT:-$basedir/target/dist}
[[ -s $jar ]] || die "no jar at $jar"

case ${DIST_OS:-$(uname -s)} in
  Linux | linux) os=linux ;;
  Mac* | Darwin | darwin) os=macos ;;
  Windows* | CYGWIN* | MINGW*) die "the bundle's launcher is a POSIX shell script: build it on Linux or macOS" ;;
  *) os=$(printf '%s' "${DIST_OS:-$(uname -s)}" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9') ;;
esac
case ${DIST_ARCH:-$(uname -m)} in
  amd64 | x86_64 | x64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) arch=$(printf '%s' "${DIST_ARCH:-$(uname -m)}" | tr -cd 'A-Za-z0-9_') ;;
esac
name=hardock-$version-$os-$arch

# ---- the JDK ----------------------------------------------------------------------------------
canon() { (cd -P -- "$1" 2>/dev/null && pwd -P); }
seen=$'\n'   # homes already looked at, one a line (bash 3.2 of macOS: no associative arrays, no mapfile)
jdks=()   # "feature<TAB>order<TAB>home", sorted below
add_jdk() {
  local home
  home=$(canon "$1") || return 0
  [[ $seen != *$'\n'"$home"$'\n'* ]] || return 0
  seen+=$home$'\n'
  [[ -x $home/bin/jlink && -x $home/bin/jdeps && -x $home/bin/jar && -x $home/bin/java ]] || return 0
  hj_release "$home" || return 0
  ((hj_feature >= 17)) || return 0
  jdks+=("$(printf '%03d\t%03d\t%s' "$hj_feature" "${#jdks[@]}" "$home")")
}
if [[ -n ${DIST_JDK:-} ]]; then
  add_jdk "$DIST_JDK"
  ((${#jdks[@]})) || die "-Dhardock.dist.jdk=$DIST_JDK is not a JDK 17+ with bin/jlink, bin/jdeps, bin/jar and a release file"
else
  [[ -z ${JAVA_HOME:-} ]] || add_jdk "$JAVA_HOME"
  [[ -z ${DIST_MAVEN_JAVA_HOME:-} ]] || add_jdk "$DIST_MAVEN_JAVA_HOME"
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d $d ]] && add_jdk "$d"
  done
  ((${#jdks[@]})) || die "no JDK 17+ with jlink found; name one with -Dhardock.dist.jdk=PATH"
fi
# newest first; among equals, the order above
sorted=()
while IFS= read -r line; do sorted+=("$line"); done < <(printf '%s\n' "${jdks[@]}" | sort -t $'\t' -k1,1r -k2,2n)

# ---- the modules: what jdeps finds in the jar, less what hardock never loads ------------------
stage=$out/$name
rm -rf -- "$stage" "$out/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/lib"
# What hardock never uses, left out of the runtime (1.3 MB of the archive): TLS (hardock opens no connection:
# sun.security.ssl but the SunJSSE provider class, which only names the others, so that the provider list
# still loads), keytool and the launcher's translated messages, and the files only TLS (cacerts, the public
# suffix list), keytool, other JDKs reading this image (jrt-fs.jar) and CDS dumps (classlist) read. jlink
# refuses to leave a package empty, hence one class kept in each. test/dist/run.sh runs the bundle on all of
# testdata, custom rules and the language server.
drop_resources='regex:/java\.base/sun/security/ssl/(?!SunJSSE\.class$)[^/]*'
drop_resources+=',regex:/java\.base/sun/security/tools/keytool/(?!Main\.class$)[^/]*'
drop_resources+=',regex:/java\.base/sun/security/tools/keytool/resources/Resources_.*'
drop_resources+=',regex:/java\.base/sun/launcher/resources/launcher_.*'
drop_files='glob:**/lib/security/cacerts,glob:**/lib/security/public_suffix_list.dat,glob:**/lib/jrt-fs.jar'
drop_files+=',glob:**/lib/classlist,glob:**/bin/keytool'
jdk= feature=
for entry in "${sorted[@]}"; do
  home=${entry##*$'\t'}
  hj_release "$home"
  f=$hj_feature
  say "JDK $home (Java $hj_version)"
  if ! deps=$("$home/bin/jdeps" --multi-release "$f" --ignore-missing-deps --print-module-deps "$jar"); then
    say "jdeps failed with $home"; continue
  fi
  mods=()
  IFS=, read -r -a found <<< "$deps"
  for m in "${found[@]}"; do
    [[ ,${DIST_EXCLUDE_MODULES:-}, == *",$m,"* ]] || mods+=("$m")
  done
  IFS=, read -r -a more <<< "${DIST_ADD_MODULES:-}"
  for m in "${more[@]}"; do [[ -z $m || ,$deps, == *",$m,"* ]] || mods+=("$m"); done
  modules=$(IFS=,; echo "${mods[*]}")
  say "modules: $modules (jdeps: $deps; left out: ${DIST_EXCLUDE_MODULES:-none}; added: ${DIST_ADD_MODULES:-none})"
  if ((f >= 21)); then compress=zip-9; else compress=2; fi
  opts=(--add-modules "$modules" --strip-debug --no-man-pages --no-header-files "--compress=$compress"
    "--exclude-resources=$drop_resources" "--exclude-files=$drop_files")
  # Java 17-24: the dynamic AppCDS archive sits on top of the runtime's default CDS archive
  ((f >= 25)) || opts+=(--generate-cds-archive)
  if "$home/bin/jlink" "${opts[@]}" --output "$stage/runtime"; then
    jdk=$home feature=$f
    break
  fi
  say "jlink failed with $home; trying the next JDK"
  rm -rf -- "$stage/runtime"
done
[[ -n $jdk ]] || die "jlink failed with every JDK found; name one with -Dhardock.dist.jdk=PATH"

# Native symbol tables: a crash report would name fewer functions, nothing else uses them (jlink's
# --strip-debug removes debug information only, and the JDKs ship without it anyway).
if [[ $os == linux ]] && command -v strip >/dev/null; then
  find "$stage/runtime" -name '*.so' -type f -exec strip --strip-unneeded {} +
fi

# ---- hardock, its launcher, and the cache -------------------------------------------------------
# The jar in two: lib/hardock.jar holds hardock's own classes and rule docs only, lib/deps.jar the libraries (ANTLR,
# the YAML and JSON readers, commons-cli, CEL with protobuf and Guava, LSP4J with gson). Both are on the class
# path, as one jar would be. A lint of one file reads the rule docs of its findings from hardock.jar, and opening
# a jar reads its whole central directory: 540 entries instead of 4,700 (about 5 ms of a one-Dockerfile run
# from the bundle); the classes a lint runs come from the JVM cache, so deps.jar is opened only when a class
# outside it is needed (a custom rule, the language server, the JSON report). No directory entries: nothing
# looks them up, and each costs as much as a file when the jar is opened.
split=$out/.jar-split
rm -rf -- "$split"
mkdir -p "$split/core" "$split/deps/META-INF" "$split/deps/dev"
(cd "$split/core" && "$jdk/bin/jar" -xf "$jar") || die "cannot unpack $jar"
mv -- "$split/core/META-INF/MANIFEST.MF" "$split/MANIFEST.MF"
for f in "$split/core"/* "$split/core"/META-INF/* "$split/core"/dev/*; do
  rel=${f#"$split/core/"}
  case $rel in dev | META-INF | rules | dev/hardock) continue ;; esac
  mv -- "$f" "$split/deps/$rel"
done
[[ -f $split/core/dev/hardock/cli/Main.class && -d $split/core/rules && -d $split/deps/dev/cel &&
  -d $split/deps/org/eclipse/lsp4j ]] || die "the jar does not split as expected (no hardock, rules, CEL or LSP4J)"
jarfrom() {   # JAR DIR [jar option...]: DIR's files (not its folders), in a stable order
  local to=$1 from=$2
  shift 2
  (cd "$from" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | while IFS= read -r f; do
    [[ $f =~ ^[A-Za-z0-9._/\$+-]+$ ]] || { echo "an entry name the jar tool cannot take: $f" >&2; exit 1; }
    printf -- '-C\n%s\n%s\n' "$from" "$f"
  done) > "$split/args" && "$jdk/bin/jar" --create --file "$to" "$@" "@$split/args"
}
jarfrom "$stage/lib/hardock.jar" "$split/core" --manifest "$split/MANIFEST.MF" &&
  jarfrom "$stage/lib/deps.jar" "$split/deps" --no-manifest || die "cannot write the bundle's jars"
chmod 0644 "$stage/lib/hardock.jar" "$stage/lib/deps.jar"
rm -rf -- "$split"
install -m 0644 "$here/lib/jvm-cache.sh" "$stage/lib/jvm-cache.sh"
install -m 0755 "$here/bin/hardock" "$stage/bin/hardock"
install -m 0644 "$basedir/README.md" "$stage/README.md"
hj_flags "$feature"
cache=$stage/lib/hardock.$hj_ext
say "training the JVM cache (lib/hardock.$hj_ext)"
hj_create "$stage/runtime/bin/java" "$stage/lib/hardock.jar:$stage/lib/deps.jar" "$cache.tmp" "$feature" ||
  die "no JVM cache"
mv -f -- "$cache.tmp" "$cache"
chmod 0644 "$cache"

# What the launcher checks before it starts the JVM (the files the JVM reads, with their sizes)
(
  cd "$stage"
  find runtime lib/hardock.jar lib/deps.jar "lib/hardock.$hj_ext" -type f ! -path 'runtime/legal/*' | LC_ALL=C sort |
    while IFS= read -r f; do
      [[ $f =~ ^[A-Za-z0-9._/+-]+$ ]] || die "a file name the launcher cannot check: $f"
      printf '%s %s\n' "$(wc -c < "$f" | tr -d ' ')" "$f"
    done
) > "$stage/lib/bundle.sizes"

# ---- the archive --------------------------------------------------------------------------------
tarflags=()
if tar --version 2>/dev/null | grep -q 'GNU tar'; then
  tarflags=(--sort=name --owner=0 --group=0 --numeric-owner)
fi
tar -C "$out" ${tarflags[@]+"${tarflags[@]}"} -cf - "$name" | gzip -9 > "$out/$name.tar.gz"

kb() { du -sk -- "$@" | awk '{s += $1} END {printf "%.1f MB", s / 1024}'; }
zipped=$(wc -c < "$out/$name.tar.gz")
say "$out/$name.tar.gz: $(awk -v b="$zipped" 'BEGIN {printf "%.1f MB", b / 1048576}'), unpacked $(kb "$stage")" \
  "(runtime $(kb "$stage/runtime"), jars $(kb "$stage/lib/hardock.jar" "$stage/lib/deps.jar"), cache $(kb "$cache")); Java $hj_version from $jdk"
