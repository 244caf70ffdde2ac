package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.cli.Main;
import dev.hardock.engine.Config;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.Glob;
import dev.hardock.model.SourceKind;
import dev.hardock.robust.RegexWorstCaseTest.CountingText;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleOptions;
import dev.hardock.rule.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile pull request must not hang the check: inputs that were quadratic or exponential, each at a size
 * that took minutes (or the whole heap) before, asserting the work done by counting it (reads of the input,
 * characters produced), never by timing.
 */
class HostileBoundsTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  // ---- exclude globs
  // -------------------------------------------------------------------------------------

  static final String BACKTRACKING_GLOB = "*a*a*a*a*a*a*a*a*b";

  /** The glob reads the name at most (tokens + 1) times; the regex a Java path glob becomes runs over budget. */
  @Test
  void anExcludeGlobWithManyStarsReadsTheNameALinearNumberOfTimes() throws Exception {
    String name = "a".repeat(20_000) + ".Dockerfile";
    long budget = (BACKTRACKING_GLOB.length() + 1L) * (name.length() + 1);
    CountingText text = new CountingText(name, budget);
    assertFalse(Glob.of(BACKTRACKING_GLOB).matches(text));
    assertTrue(text.reads <= budget, text.reads + " reads");
    assertTrue(
        Glob.of("**/" + BACKTRACKING_GLOB.replace('b', 'e'))
            .matchesOrIsUnder(new CountingText(name, budget)));

    // what java.nio's glob:*a*a... became: [^/]*a[^/]*a...b, backtracking far past 1,000 reads per
    // character
    CountingText regex = new CountingText(name, 1_000L * name.length());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(BACKTRACKING_GLOB.replace("*", "[^/]*")).matcher(regex);
    assertThrows(IllegalStateException.class, m::matches);
  }

  @Test
  void excludeMatchesThroughTheLinearGlob() throws Exception {
    Path cfg =
        write(
            ".hardock.yaml",
            "exclude: ['"
                + BACKTRACKING_GLOB.replace('b', 'e')
                + "', 'legacy/', '*.{yml,yaml}', '[!x]y.Dockerfile']\n");
    Config c = Config.load(cfg);
    assertTrue(c.excludes(tmp.resolve("sub/" + "a".repeat(5_000) + ".Dockerfile")));
    assertTrue(c.excludes(tmp.resolve("legacy/deep/Dockerfile")));
    assertTrue(c.excludes(tmp.resolve("x/compose.yaml")));
    assertTrue(c.excludes(tmp.resolve("ay.Dockerfile")));
    assertFalse(c.excludes(tmp.resolve("xy.Dockerfile")));
    assertFalse(c.excludes(tmp.resolve("Dockerfile")));
  }

  @Test
  void anInvalidExcludeGlobIsAConfigurationErrorAtItsPosition() throws IOException {
    Path df = write("Dockerfile", "FROM node\n");
    String[][] cases = {
      {"exclude:\n  - 'a[bc'\n", ":2:5: exclude: invalid glob 'a[bc': '[' without a closing ']'"},
      {"exclude: ['{a,b']\n", ":1:11: exclude: invalid glob '{a,b': '{' without a closing '}'"},
      {"exclude: x\\\n", ":1:10: exclude: invalid glob 'x\\': '\\' at the end escapes nothing"},
      {
        "exclude: ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}']\n",
        "groups stand for more than 64 patterns"
      },
    };
    Path cfg = tmp.resolve(".hardock.yaml");
    for (String[] c : cases) {
      Files.writeString(cfg, c[0]);
      Run r = cli("--config", cfg.toString(), df.toString());
      assertEquals(2, r.code(), c[0] + r.err());
      assertTrue(
          r.err().startsWith("hardock: " + cfg + ":") && r.err().contains(c[1]),
          c[0] + " -> " + r.err());
      assertFalse(r.err().contains("internal error"), r.err());
    }
  }

  // ---- work counted in bytes allocated
  // -------------------------------------------------------------------

  /** Bytes this thread allocates while running the work: a count of work that load on the machine cannot change. */
  static long allocatedBy(Runnable work) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(id);
    work.run();
    return mx.getThreadAllocatedBytes(id) - before;
  }

  /** A linter that runs only these rules (and HD001); it lints on the calling thread. */
  static Linter only(String... ids) {
    Set<String> on = new HashSet<>(List.of(ids));
    on.add("HD001");
    Set<String> off =
        RuleRegistry.builtIn().metas().stream()
            .map(RuleMeta::id)
            .filter(id -> !on.contains(id))
            .collect(Collectors.toSet());
    return new Linter(new LintSettings(on, off, Map.of(), RuleOptions.NONE));
  }

  static FileResult lint(Linter linter, String name, SourceKind kind, String text) {
    return linter.lint(
        new Target(LintProperties.DIR.resolve(name), name, kind),
        text.getBytes(StandardCharsets.UTF_8));
  }

  static final long MB = 1L << 20;

  /**
   * HD305 walked the rest of the pipeline from every download: 4,000 curls piped into each other took 20 s, one
   * EffectiveCommand (three lists) per pair, about 8 million. Now each command is walked once.
   */
  @Test
  void curlPipeShellWalksAPipelineOfThousandsOfDownloadsOnce() {
    String df = "FROM alpine\nRUN " + "curl -fsSL https://x.example | ".repeat(4_000) + "sh\n";
    Linter parseOnly = only();
    Linter hd305 = only("HD305");
    lint(hd305, "Dockerfile", SourceKind.DOCKERFILE, df); // warm: classes loaded, parser ready
    FileResult[] r = new FileResult[1];
    long parse = allocatedBy(() -> lint(parseOnly, "Dockerfile", SourceKind.DOCKERFILE, df));
    long withRule = allocatedBy(() -> r[0] = lint(hd305, "Dockerfile", SourceKind.DOCKERFILE, df));
    assertEquals(
        4_000, r[0].findings().stream().filter(f -> f.rule().id().equals("HD305")).count());
    // the quadratic walk allocated 41 GB; the linear one 26 MB (findings and their messages
    // included)
    assertTrue(withRule - parse < 256 * MB, (withRule - parse) / MB + " MB allocated by HD305");
  }

  // ---- variable expansion
  // ---------------------------------------------------------------------------------

  /** 30 doublings of 8 characters: 8 GB of text from 330 bytes (a full heap before), unless expansion is capped. */
  static final int DOUBLINGS = 30;

  static List<String> hd001(FileResult r) {
    return r.findings().stream()
        .filter(f -> f.rule().id().equals("HD001"))
        .map(f -> f.span() + " " + f.message())
        .toList();
  }

  /** Exactly one HD001, the budget's notice, at that span. */
  static void assertOneNotice(FileResult r, String span) {
    List<String> notices = hd001(r);
    assertEquals(1, notices.size(), notices.toString());
    assertTrue(
        notices.get(0).startsWith(span + " variables here need more than the expansion budget"),
        notices.get(0));
  }

  /** Lints the input, asserting the allocation stays linear, and returns the result. */
  static FileResult boundedLint(String name, SourceKind kind, String text) {
    Linter all = LintProperties.ALL_RULES;
    FileResult[] r = new FileResult[1];
    long bytes = allocatedBy(() -> r[0] = lint(all, name, kind, text));
    // the budget is 16 characters per input character, at least 1 Mi: a few copies of it at most
    assertTrue(bytes < 256 * MB, bytes / MB + " MB allocated for " + text.length() + " characters");
    return r[0];
  }

  @Test
  void doublingArgsInADockerfileStopAtTheBudgetWithOneNotice() {
    String df =
        "FROM alpine\nARG A=xxxxxxxx\n"
            + "ARG A=${A}${A}\n".repeat(DOUBLINGS)
            + "RUN echo $A\nUSER $A\n";
    FileResult r = boundedLint("Dockerfile", SourceKind.DOCKERFILE, df);
    // the floor is 1 Mi characters handed out in all; doubling k hands out 8 << k: after the 16th
    // (line 18) the
    // scope copy before line 19 is past it
    assertOneNotice(r, "19:1-19:4");
  }

  /** Each ARG took a copy of the scope before it: 20,000 lines (200 KB) filled a 512 MB heap. */
  @Test
  void thousandsOfArgsCopyNoMoreScopeThanTheBudget() {
    StringBuilder df = new StringBuilder("FROM alpine\n");
    for (int i = 0; i < 20_000; i++) df.append("ARG A").append(i).append("=x\n");
    FileResult r =
        boundedLint("Dockerfile", SourceKind.DOCKERFILE, df.append("USER $A1\n").toString());
    assertOneNotice(
        r, "2824:1-2824:4"); // copies of 1 + 2 + ... + 2,822 entries: 16 per character of the file
  }

  @Test
  void doublingEnvInADockerfileAndAReplacementThatMultipliesStopAtTheBudget() {
    String df =
        "FROM alpine\nENV A=xxxxxxxx\n"
            + "ENV A=${A//x/xxxxxxxxxxxxxxxx}\n".repeat(12)
            + "USER $A\n";
    FileResult r = boundedLint("Dockerfile", SourceKind.DOCKERFILE, df);
    // 8 * 16^4 = 512 Ki characters at the 4th replacement (line 6), charged once built and once
    // handed out
    assertOneNotice(r, "6:7-6:31");
  }

  @Test
  void doublingShellVariablesInAScriptStopAtTheBudget() {
    String sh =
        "A=xxxxxxxx\n" + "A=$A$A\n".repeat(DOUBLINGS) + "docker run -v \"$A$A$A$A:/x\" alpine\n";
    FileResult r = boundedLint("run.sh", SourceKind.RUN, sh);
    assertOneNotice(r, "18:1-18:7");
    // the mount source is unknown, not guessed: no finding quotes a megabyte of x
    assertTrue(
        r.findings().stream().allMatch(f -> f.message().length() < 1_000), r.findings().toString());
  }

  @Test
  void doublingValuesInADotEnvAreUnknownPastTheBudget() throws IOException {
    Path dir = tmp.resolve("compose");
    write("compose/.env", "A=xxxxxxxx\n" + "A=${A}${A}\n".repeat(DOUBLINGS) + "B=${A}\nC=plain\n");
    Map<String, String> vars = dev.hardock.source.compose.DotEnv.read(dir.resolve(".env"));
    assertFalse(vars.containsKey("A"), "A is unknown past the budget");
    assertFalse(vars.containsKey("B"));
    assertEquals("plain", vars.get("C"));
    // and compose interpolation over them stays bounded: the image is unknown, not a gigabyte
    String compose = "services:\n  web:\n    image: \"nginx:${A}\"\n";
    Path file = write("compose/compose.yaml", compose);
    FileResult[] r = new FileResult[1];
    long bytes =
        allocatedBy(
            () ->
                r[0] =
                    LintProperties.ALL_RULES.lint(
                        new Target(file, "compose.yaml", SourceKind.COMPOSE), null));
    assertTrue(bytes < 256 * MB, bytes / MB + " MB");
    assertTrue(r[0].findings().stream().allMatch(f -> f.message().length() < 1_000));
  }

  /** Nested defaults stop at 16 levels: each level scanned the rest for its brace, and 10^6 levels overflowed the stack. */
  @Test
  void deeplyNestedDefaultsAreUnknownPastSixteenLevels() {
    int[] lookups = new int[1];
    java.util.function.Function<String, String> unset =
        name -> {
          lookups[0]++;
          return null;
        };
    int n = 1_000_000;
    String deep = "${B:-".repeat(n) + "x" + "}".repeat(n);
    assertEquals(null, dev.hardock.model.Substitution.expand(deep, unset));
    assertEquals(17, lookups[0]);
    assertEquals(
        "x",
        dev.hardock.model.Substitution.expand("${B:-".repeat(16) + "x" + "}".repeat(16), unset));
  }

  /**
   * One 100,000-character value reached through an alias by 3,000 services: every message quoting it was built,
   * masked and printed in full each time (16 s, 3.8 GB allocated, a 200 KB message).
   */
  @Test
  void aLongValueReachedThroughThousandsOfAliasesIsNotQuotedEachTime() throws IOException {
    StringBuilder y = new StringBuilder("x: &img \"" + "a".repeat(100_000) + "\"\nservices:\n");
    for (int i = 0; i < 3_000; i++) y.append("  s").append(i).append(":\n    image: *img\n");
    Path file = write("alias/compose.yaml", y.toString());
    FileResult[] r = new FileResult[1];
    lint(only("HD201"), "compose.yaml", SourceKind.COMPOSE, "services: {a: {image: b}}\n"); // warm
    long bytes =
        allocatedBy(
            () ->
                r[0] =
                    LintProperties.ALL_RULES.lint(
                        new Target(file, "compose.yaml", SourceKind.COMPOSE), null));
    assertTrue(bytes < 512 * MB, bytes / MB + " MB");
    // no image Docker would accept is that long: not judged as one (and not quoted 3,000 times)
    assertEquals(
        List.of(), r[0].findings().stream().filter(f -> f.rule().id().equals("HD201")).toList());
    assertTrue(r[0].findings().stream().allMatch(f -> f.message().length() < 1_000));
  }

  // ---- "did you mean"
  // ------------------------------------------------------------------------------------

  /**
   * A key of 700,000 characters in a compose file or daemon.json was compared with every known key by edit
   * distance (length x length each): five such keys in a 3.5 MB file took 16 s. A candidate whose length
   * differs from the name's by more than the edits allowed cannot be the answer, so it is not compared.
   */
  @Test
  void aHugeUnknownNameIsNotComparedCharacterByCharacter() {
    List<String> keys =
        List.of(
            "read_only",
            "privileged",
            "security_opt",
            "cap_drop",
            "live-restore",
            "userns-remap",
            "no-new-privileges",
            "default-ulimits");
    CountingText huge = new CountingText("read_only".repeat(100_000), 0);
    assertEquals(null, dev.hardock.model.Spelling.closest(huge, keys));
    assertEquals(0, huge.reads);
    // names near the candidates' length are still compared: the hint is unchanged
    CountingText near = new CountingText("read_onyl", 10_000);
    assertEquals("read_only", dev.hardock.model.Spelling.closest(near, keys));
    assertEquals("no-new-privileges", dev.hardock.model.Spelling.closest("no-new-privilege", keys));
  }

  /**
   * Each unknown compose key was compared with every known key of its place for a "did you mean": 205,000
   * distinct misspelt keys (a 4 MB file) took 10 s. Past the first thousand hints of a file the findings
   * stay, without a hint. The work is the bytes allocated beyond the same file with x- keys (never compared).
   */
  @Test
  void thousandsOfUnknownComposeKeysGetBoundedHints() {
    StringBuilder typos = new StringBuilder("services:\n  s:\n    image: x:1\n");
    StringBuilder extensions = new StringBuilder(typos);
    typos.append("    read_onyl: true\n");
    for (int i = 0; i < 50_000; i++) {
      typos.append(String.format("    pr%09d: 1%n", i));
      extensions.append(String.format("    x-%09d: 1%n", i));
    }
    Linter hd006 = only("HD006");
    lint(hd006, "compose.yaml", SourceKind.COMPOSE, extensions.toString()); // warm
    FileResult[] r = new FileResult[1];
    long base =
        allocatedBy(() -> lint(hd006, "compose.yaml", SourceKind.COMPOSE, extensions.toString()));
    long withTypos =
        allocatedBy(() -> r[0] = lint(hd006, "compose.yaml", SourceKind.COMPOSE, typos.toString()));
    assertEquals(
        50_001, r[0].findings().stream().filter(f -> f.rule().id().equals("HD006")).count());
    // every key compared with every service key of a close length allocated 382 MB; with at most
    // 1,000
    // hints a file, the findings are most of what is left (86 MB)
    assertTrue(
        withTypos - base < 192 * MB, (withTypos - base) / MB + " MB allocated by the unknown keys");
    // the first keys still get their hint
    assertTrue(
        r[0].findings().stream().anyMatch(f -> f.message().contains("did you mean read_only")));
  }

  /** The same bound for daemon.json keys (HD007): 50,000 misspelt keys get a thousand hints. */
  @Test
  void thousandsOfUnknownDaemonKeysGetBoundedHints() {
    StringBuilder json = new StringBuilder("{\"live-restor\": true");
    for (int i = 0; i < 50_000; i++) json.append(String.format(", \"ic%09d\": 1", i));
    String text = json.append('}').toString();
    Linter parseOnly = only();
    Linter hd007 = only("HD007");
    lint(hd007, "daemon.json", SourceKind.DAEMON, text); // warm
    FileResult[] r = new FileResult[1];
    long parse = allocatedBy(() -> lint(parseOnly, "daemon.json", SourceKind.DAEMON, text));
    long withRule = allocatedBy(() -> r[0] = lint(hd007, "daemon.json", SourceKind.DAEMON, text));
    assertEquals(
        50_001, r[0].findings().stream().filter(f -> f.rule().id().equals("HD007")).count());
    assertTrue(
        r[0].findings().stream().anyMatch(f -> f.message().contains("did you mean live-restore")));
    assertTrue(withRule - parse < 192 * MB, (withRule - parse) / MB + " MB allocated by HD007");
  }
}
