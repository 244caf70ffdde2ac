# hardock's JVM options and start-up cache: the one place that says how hardock's JVM is started and how its
# class cache is made. Sourced (POSIX sh, also read by bash) by the launcher of a clone (./hardock), by the
# launcher of a release bundle (bin/hardock, which ships this file as lib/jvm-cache.sh) and by the bundle build
# (src/dist/build.sh, which creates the bundle's cache at build time). Defines functions and hj_* variables only;
# writes nothing to stdout.
#
# Cache: Java >= 25: AOT cache (JEP 483/514/515: classes loaded and linked, profiles), Java 17-24: dynamic AppCDS
# archive on top of the runtime's default CDS archive. Both are made by a training run of dev.hardock.cli.Train,
# which lints built-in samples of every kind through the real command line.

# hj_release JAVA_HOME: reads JAVA_HOME/release without starting a JVM. Sets hj_version (JAVA_VERSION),
# hj_runtime_version (JAVA_RUNTIME_VERSION), hj_implementor (IMPLEMENTOR) and hj_feature (17, 25, ...).
# Returns 1 when there is no release file or no numeric feature version in it.
hj_release() {
  hj_version= hj_runtime_version= hj_implementor= hj_feature=
  [ -r "$1/release" ] || return 1
  while IFS='=' read -r hj_k hj_v || [ -n "$hj_k" ]; do
    hj_v=${hj_v#\"}; hj_v=${hj_v%\"}
    case $hj_k in
      JAVA_VERSION) hj_version=$hj_v ;;
      JAVA_RUNTIME_VERSION) hj_runtime_version=$hj_v ;;
      IMPLEMENTOR) hj_implementor=$hj_v ;;
    esac
    hj_k=
  done < "$1/release"
  hj_feature=${hj_version%%[.+-]*}
  if [ "$hj_feature" = 1 ]; then hj_feature=${hj_version#1.}; hj_feature=${hj_feature%%[.+-]*}; fi
  case $hj_feature in
    '' | *[!0-9]*) hj_feature=; return 1 ;;
  esac
}

# hj_base: the options of every run. -XX:-UsePerfData: no /tmp/hsperfdata_$USER/<pid> file (a write outside
# the tree, and a few ms); nothing here needs jps/jstat.
hj_base='-XX:+UseSerialGC -XX:-UsePerfData'

# hj_short: added by a launcher to a short run (a few files named, no folder). C1 compiles a method once it has run
# 4 times as often as by default: a one-file run ends before most compilations would pay back (one small
# Dockerfile from the bundle: about 10 ms less CPU); over 16 files it is no faster, and over the corpus's tree
# 14% more CPU, so a run over a folder or many files keeps the default. Not part of the cache's options.
hj_short='-XX:CompileThresholdScaling=4'

# hj_flags FEATURE: the options for a JVM of that feature version. Words without spaces (expand them unquoted,
# with globbing off: -Xlog:cds* has a star):
#   hj_opts  hj_base and the options of a run that may use a cache, and of the training (a cache only fits the
#            options it was made with)
#   hj_ext   the cache file's extension: aot or jsa
#   hj_use   uses the cache when it fits, silently runs without it otherwise; followed by "$hj_file$CACHE"
#   hj_on    the same, but refuses to start without it (to check a new cache)
#   hj_file  the option naming the cache file, to be joined with its path
# C1 only: a lint run is short; C2 would compile what is already over.
hj_flags() {
  hj_opts="$hj_base -XX:TieredStopAtLevel=1"
  # Java 24+ warns on stderr when protobuf (CEL's, custom rules) first uses sun.misc.Unsafe (JEP 498); the
  # option exists since 23, and an older JVM refuses it
  if [ "$1" -ge 24 ]; then hj_opts="$hj_opts --sun-misc-unsafe-memory-access=allow"; fi
  if [ "$1" -ge 25 ]; then
    hj_opts="$hj_opts -Xlog:cds*=off,aot*=off"
    hj_ext=aot hj_use=-XX:AOTMode=auto hj_on=-XX:AOTMode=on hj_file=-XX:AOTCache=
  else
    hj_opts="$hj_opts -Xlog:cds*=off"
    hj_ext=jsa hj_use=-Xshare:auto hj_on=-Xshare:on hj_file=-XX:SharedArchiveFile=
  fi
}

# hj_create JAVA JAR OUT FEATURE [JVM OPTION...]: trains a cache for hardock's JAR on JAVA (of that feature
# version) and writes it to OUT, then checks it once (the CRC of every region, with the same options and jar:
# the JVM does not check them on normal runs, so a damaged file must never be published). Returns non-zero and
# leaves no OUT when anything fails. The JVMs' own messages go to stderr.
# Java 25+: record, then create (not the one-step -XX:AOTCacheOutput, which can turn the exit code into 1 when
# assembly fails); older: dynamic AppCDS, written when the training JVM exits.
# Java 25+: no method profiles in the cache (-AOTRecordTraining, JEP 515): they serve C2, which hardock's runs
# do not use (C1 only, above), and replaying them cost a one-file run about 15 ms of CPU (the JVM's "Training
# replay" thread and the C1 compilations it queues) and the cache 0.4 MB. IgnoreUnrecognizedVMOptions: a JDK
# that drops this diagnostic flag still makes a cache.
hj_create() (
  java=$1 jar=$2 out=$3 feature=$4
  shift 4
  set -f
  hj_flags "$feature"
  train="-XX:ErrorFile=/dev/null -cp"
  rm -f "$out"
  trap 'rm -f "$out.conf"' EXIT
  if [ "$feature" -ge 25 ]; then
    train="-XX:+UnlockDiagnosticVMOptions -XX:+IgnoreUnrecognizedVMOptions -XX:-AOTRecordTraining $train"
    "$java" $hj_opts -XX:AOTMode=record "-XX:AOTConfiguration=$out.conf" "$@" $train "$jar" dev.hardock.cli.Train &&
      "$java" $hj_opts -XX:AOTMode=create "-XX:AOTConfiguration=$out.conf" "-XX:AOTCache=$out" \
        "$@" $train "$jar" dev.hardock.cli.Train
  else
    "$java" $hj_opts "-XX:ArchiveClassesAtExit=$out" "$@" $train "$jar" dev.hardock.cli.Train
  fi &&
    [ -s "$out" ] &&
    "$java" $hj_opts "$@" -XX:ErrorFile=/dev/null -XX:+VerifySharedSpaces $hj_on "$hj_file$out" -cp "$jar" \
      -version >/dev/null 2>&1 ||
    { rm -f "$out"; echo "hardock: could not create the JVM cache $out" >&2; exit 1; }
)
