package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.report.Formats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** action.yml, the composite GitHub Action: its structure, and every reference in it resolves. */
class ActionYamlTest {
  static final Path ACTION = Path.of("action.yml");
  static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");
  static final Pattern INPUT_REF = Pattern.compile("\\binputs\\.([A-Za-z0-9_-]+)");
  static final Pattern STEP_REF =
      Pattern.compile("\\bsteps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
  static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?(INPUT_[A-Z0-9_]+)");
  static final Pattern OUTPUT_WRITE =
      Pattern.compile("echo \"([a-z0-9-]+)=.*>> \"\\$GITHUB_OUTPUT\"");

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String what) {
    assertInstanceOf(Map.class, o, what + " is not a mapping");
    return (Map<String, Object>) o;
  }

  static String text(Object o, String what) {
    assertInstanceOf(String.class, o, what + " is not a string");
    assertFalse(((String) o).isBlank(), what + " is empty");
    return (String) o;
  }

  @Test
  @SuppressWarnings("unchecked")
  void actionIsAWellFormedCompositeActionWhoseReferencesResolve() throws IOException {
    String source = Files.readString(ACTION);
    Map<String, Object> action =
        map(new Load(LoadSettings.builder().build()).loadFromString(source), "action.yml");
    text(action.get("name"), "name");
    text(action.get("description"), "description");

    Map<String, Object> inputs = map(action.get("inputs"), "inputs");
    for (String required : List.of("paths", "fail-on", "config", "format", "sarif-file")) {
      assertTrue(inputs.containsKey(required), "input " + required + " is missing");
    }
    for (Map.Entry<String, Object> e : inputs.entrySet()) {
      Map<String, Object> in = map(e.getValue(), "input " + e.getKey());
      text(in.get("description"), "description of input " + e.getKey());
      assertTrue(
          in.containsKey("default") || Boolean.TRUE.equals(in.get("required")),
          "input " + e.getKey() + " has neither a default nor required: true");
    }
    assertTrue(
        Formats.NAMES.contains(map(inputs.get("format"), "format").get("default")),
        "format default");
    assertTrue(
        List.of("error", "warning", "info", "style", "none")
            .contains(map(inputs.get("fail-on"), "fail-on").get("default")));

    Map<String, Object> runs = map(action.get("runs"), "runs");
    assertEquals("composite", runs.get("using"));
    assertInstanceOf(List.class, runs.get("steps"));
    List<Object> steps = (List<Object>) runs.get("steps");
    assertFalse(steps.isEmpty());

    Map<String, Set<String>> stepOutputs = new java.util.HashMap<>();
    boolean runsLauncher = false;
    for (Object s : steps) {
      Map<String, Object> step = map(s, "step");
      assertTrue(
          step.containsKey("run") ^ step.containsKey("uses"),
          "a step has exactly one of run and uses: " + step);
      if (step.containsKey("run")) {
        String run = text(step.get("run"), "run");
        // composite run steps must name their shell; inputs reach scripts only through env (no
        // injection)
        text(step.get("shell"), "shell of a run step");
        assertFalse(run.contains("${{"), "an expression is spliced into a script: " + run);
        Map<String, Object> env = step.containsKey("env") ? map(step.get("env"), "env") : Map.of();
        Matcher v = SHELL_VAR.matcher(run);
        while (v.find())
          assertTrue(
              env.containsKey(v.group(1)), "script uses $" + v.group(1) + " that env does not set");
        if (run.contains("\"$GITHUB_ACTION_PATH/hardock\"")) runsLauncher = true;
        Set<String> written = new HashSet<>();
        Matcher o = OUTPUT_WRITE.matcher(run);
        while (o.find()) written.add(o.group(1));
        if (step.get("id") != null) stepOutputs.put(String.valueOf(step.get("id")), written);
      } else {
        assertTrue(
            text(step.get("uses"), "uses").matches("[\\w.-]+/[\\w.-]+@v?\\d+.*"),
            "uses is pinned to a version: " + step.get("uses"));
      }
    }
    assertTrue(runsLauncher, "no step runs $GITHUB_ACTION_PATH/hardock");
    assertTrue(Files.isExecutable(Path.of("hardock")), "the launcher is not executable");

    // every ${{ inputs.X }} and ${{ steps.ID.outputs.Y }} anywhere in the file exists
    int expressions = 0;
    Matcher m = EXPRESSION.matcher(source);
    while (m.find()) {
      expressions++;
      Matcher i = INPUT_REF.matcher(m.group(1));
      while (i.find()) assertTrue(inputs.containsKey(i.group(1)), "unknown input " + i.group(1));
      Matcher so = STEP_REF.matcher(m.group(1));
      while (so.find()) {
        assertNotNull(stepOutputs.get(so.group(1)), "unknown step id " + so.group(1));
        assertTrue(
            stepOutputs.get(so.group(1)).contains(so.group(2)),
            "step " + so.group(1) + " never writes output " + so.group(2));
      }
    }
    assertTrue(expressions >= inputs.size(), "inputs are not all used");
    // if conditions are expressions too (without the braces)
    for (Object s : steps) {
      Object cond = map(s, "step").get("if");
      if (cond == null) continue;
      Matcher i = INPUT_REF.matcher(String.valueOf(cond));
      while (i.find())
        assertTrue(inputs.containsKey(i.group(1)), "unknown input " + i.group(1) + " in if");
    }
    for (String name : inputs.keySet()) {
      assertTrue(source.contains("inputs." + name), "input " + name + " is never used");
    }
    Map<String, Object> outputs = map(action.get("outputs"), "outputs");
    for (Map.Entry<String, Object> e : outputs.entrySet()) {
      text(map(e.getValue(), "output " + e.getKey()).get("value"), "value of output " + e.getKey());
    }
  }

  // ---- config-from-base, run as the runner would run the step
  // ----------------------------------------------

  @TempDir Path tmp;

  /** The lint step's script. */
  @SuppressWarnings("unchecked")
  static String lintScript() throws IOException {
    Map<String, Object> action =
        map(
            new Load(LoadSettings.builder().build()).loadFromString(Files.readString(ACTION)),
            "action.yml");
    for (Object s : (List<Object>) map(action.get("runs"), "runs").get("steps")) {
      Map<String, Object> step = map(s, "step");
      if ("lint".equals(step.get("id"))) return (String) step.get("run");
    }
    throw new AssertionError("no step with id lint");
  }

  static String git(Path repo, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    return out.strip();
  }

  record StepRun(int code, String stderr, List<String> args, String config, String outputs) {}

  /** Runs the step's bash script in the repository with a stand-in launcher that records its arguments. */
  StepRun runStep(Path repo, Map<String, String> inputs) throws IOException, InterruptedException {
    Path action = Files.createDirectories(tmp.resolve("action"));
    Path launcher = action.resolve("hardock");
    Files.writeString(
        launcher,
        """
        #!/usr/bin/env bash
        printf '%s\\n' "$@" > "$RECORD_ARGS"
        printf 'HARDOCK_DIST=%s HARDOCK_JVM_CACHE=%s\\n' "${HARDOCK_DIST:-}" "${HARDOCK_JVM_CACHE:-}" > "$RECORD_ARGS.env"
        prev=
        for a; do if [[ $prev == --config ]]; then cat -- "$a" > "$RECORD_CONFIG"; fi; prev=$a; done
        """);
    launcher.toFile().setExecutable(true);
    Path argsFile = tmp.resolve("args.txt");
    Path configFile = tmp.resolve("config.txt");
    Path outputs = tmp.resolve("outputs.txt");
    Files.deleteIfExists(argsFile);
    Files.deleteIfExists(configFile);
    Files.writeString(outputs, "");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", lintScript()).directory(repo.toFile());
    Map<String, String> env = pb.environment();
    env.putAll(
        Map.of(
            "INPUT_PATHS",
            ".",
            "INPUT_FAIL_ON",
            "warning",
            "INPUT_CONFIG",
            "",
            "INPUT_CONFIG_FROM_BASE",
            "false",
            "BASE_SHA",
            "",
            "INPUT_FORMAT",
            "text",
            "INPUT_SARIF_FILE",
            "",
            "GITHUB_ACTION_PATH",
            action.toString(),
            "GITHUB_OUTPUT",
            outputs.toString(),
            "INPUT_BUNDLE",
            "false"));
    env.put("RECORD_ARGS", argsFile.toString());
    env.put("RECORD_CONFIG", configFile.toString());
    env.putAll(inputs);
    Process p = pb.redirectError(tmp.resolve("stderr.txt").toFile()).start();
    int code = p.waitFor();
    return new StepRun(
        code,
        Files.readString(tmp.resolve("stderr.txt")),
        Files.exists(argsFile) ? Files.readAllLines(argsFile) : List.of(),
        Files.exists(configFile) ? Files.readString(configFile) : null,
        Files.readString(outputs));
  }

  @Test
  void configFromBaseLintsWithTheBaseCommitsConfigurationNotThePullRequests() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("git", "--version").start().waitFor() == 0);
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    git(repo, "init", "-q");
    String baseConfig = "exclude: ['legacy/**']\nrules:\n  HD201: error\n";
    Files.writeString(repo.resolve(".hardock.yaml"), baseConfig);
    Files.writeString(repo.resolve("Dockerfile"), "FROM node\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    String base = git(repo, "rev-parse", "HEAD");
    // the pull request switches everything off in its own configuration
    Files.writeString(repo.resolve(".hardock.yaml"), "exclude: ['**']\n");
    git(repo, "commit", "-q", "-am", "pull request");

    StepRun r = runStep(repo, Map.of("INPUT_CONFIG_FROM_BASE", "true", "BASE_SHA", base));
    assertEquals(0, r.code(), r.stderr());
    int at = r.args().indexOf("--config");
    assertTrue(at >= 0, r.args().toString());
    assertEquals(baseConfig, r.config());
    // written at the repository root (its excludes keep their meaning), removed afterwards
    assertTrue(
        r.args().get(at + 1).startsWith(repo.toRealPath() + "/.hardock-base-config."),
        r.args().toString());
    try (var left = Files.list(repo)) {
      assertFalse(
          left.anyMatch(f -> f.getFileName().toString().startsWith(".hardock-base-config")));
    }
    assertTrue(r.outputs().contains("exit-code=0"), r.outputs());

    // a base without a configuration: an empty file, the built-in defaults (not the pull request's)
    git(repo, "rm", "-q", "--cached", ".hardock.yaml");
    git(repo, "commit", "-q", "-m", "no config");
    String bare = git(repo, "rev-parse", "HEAD");
    StepRun none = runStep(repo, Map.of("INPUT_CONFIG_FROM_BASE", "true", "BASE_SHA", bare));
    assertEquals(0, none.code(), none.stderr());
    assertEquals("", none.config());

    // config wins; off (the default) or outside a pull request (no base sha): the nearest
    // .hardock.yaml as before
    assertEquals(
        List.of(
            "--no-color",
            "--fail-on",
            "warning",
            "--format",
            "text",
            "--config",
            "fixed.yaml",
            "--",
            "."),
        runStep(
                repo,
                Map.of(
                    "INPUT_CONFIG",
                    "fixed.yaml",
                    "INPUT_CONFIG_FROM_BASE",
                    "true",
                    "BASE_SHA",
                    base))
            .args());
    assertFalse(runStep(repo, Map.of("BASE_SHA", base)).args().contains("--config"));
    assertFalse(
        runStep(repo, Map.of("INPUT_CONFIG_FROM_BASE", "true")).args().contains("--config"));

    // a base sha that is no commit id (or that git cannot find) fails closed, before hardock runs
    for (String bad : List.of("HEAD; rm -rf /", "0".repeat(40))) {
      StepRun b = runStep(repo, Map.of("INPUT_CONFIG_FROM_BASE", "true", "BASE_SHA", bad));
      assertEquals(2, b.code(), b.stderr());
      assertTrue(b.args().isEmpty(), b.args().toString());
      assertTrue(b.outputs().contains("exit-code=2"), b.outputs());
    }
  }

  /** The empty file config-from-base writes when the base has no configuration means the built-in defaults. */
  @Test
  void anEmptyConfigurationFileIsTheBuiltInDefaults() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
    Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM node\n");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"-f", "gnu", "--config", empty.toString(), df.toString()},
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
            false);
    assertEquals(1, code);
    assertTrue(
        out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("[HD201 latest-tag]"));
  }

  /** bundle: true runs the launcher with HARDOCK_DIST=1 (build the bundle, run through it); the default keeps the jar, uncached. */
  @Test
  void theBundleInputSelectsTheReleaseBundle() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("bundle-repo"));
    Path envFile = tmp.resolve("args.txt.env");
    runStep(repo, Map.of("INPUT_BUNDLE", "true"));
    assertEquals("HARDOCK_DIST=1 HARDOCK_JVM_CACHE=", Files.readString(envFile).strip());
    runStep(repo, Map.of());
    assertEquals("HARDOCK_DIST= HARDOCK_JVM_CACHE=0", Files.readString(envFile).strip());
  }
}
