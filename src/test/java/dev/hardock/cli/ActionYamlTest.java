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
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** action.yml, the composite GitHub Action: its structure, and every reference in it resolves. */
class ActionYamlTest {
  static final Path ACTION = Path.of("action.yml");
  static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");
  static final Pattern INPUT_REF = Pattern.compile("\\binputs\\.([A-Za-z0-9_-]+)");
  static final Pattern STEP_REF = Pattern.compile("\\bsteps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
  static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?(INPUT_[A-Z0-9_]+)");
  static final Pattern OUTPUT_WRITE = Pattern.compile("echo \"([a-z0-9-]+)=.*>> \"\\$GITHUB_OUTPUT\"");

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
    Map<String, Object> action = map(new Load(LoadSettings.builder().build()).loadFromString(source), "action.yml");
    text(action.get("name"), "name");
    text(action.get("description"), "description");

    Map<String, Object> inputs = map(action.get("inputs"), "inputs");
    for (String required : List.of("paths", "fail-on", "config", "format", "sarif-file")) {
      assertTrue(inputs.containsKey(required), "input " + required + " is missing");
    }
    for (Map.Entry<String, Object> e : inputs.entrySet()) {
      Map<String, Object> in = map(e.getValue(), "input " + e.getKey());
      text(in.get("description"), "description of input " + e.getKey());
      assertTrue(in.containsKey("default") || Boolean.TRUE.equals(in.get("required")),
          "input " + e.getKey() + " has neither a default nor required: true");
    }
    assertTrue(Formats.NAMES.contains(map(inputs.get("format"), "format").get("default")), "format default");
    assertTrue(List.of("error", "warning", "info", "style", "none").contains(map(inputs.get("fail-on"), "fail-on").get("default")));

    Map<String, Object> runs = map(action.get("runs"), "runs");
    assertEquals("composite", runs.get("using"));
    assertInstanceOf(List.class, runs.get("steps"));
    List<Object> steps = (List<Object>) runs.get("steps");
    assertFalse(steps.isEmpty());

    Map<String, Set<String>> stepOutputs = new java.util.HashMap<>();
    boolean runsLauncher = false;
    for (Object s : steps) {
      Map<String, Object> step = map(s, "step");
      assertTrue(step.containsKey("run") ^ step.containsKey("uses"), "a step has exactly one of run and uses: " + step);
      if (step.containsKey("run")) {
        String run = text(step.get("run"), "run");
        // composite run steps must name their shell; inputs reach scripts only through env (no injection)
        text(step.get("shell"), "shell of a run step");
        assertFalse(run.contains("${{"), "an expression is spliced into a script: " + run);
        Map<String, Object> env = step.containsKey("env") ? map(step.get("env"), "env") : Map.of();
        Matcher v = SHELL_VAR.matcher(run);
        while (v.find()) assertTrue(env.containsKey(v.group(1)), "script uses $" + v.group(1) + " that env does not set");
        if (run.contains("\"$GITHUB_ACTION_PATH/hardock\"")) runsLauncher = true;
        Set<String> written = new HashSet<>();
        Matcher o = OUTPUT_WRITE.matcher(run);
        while (o.find()) written.add(o.group(1));
        if (step.get("id") != null) stepOutputs.put(String.valueOf(step.get("id")), written);
      } else {
        assertTrue(text(step.get("uses"), "uses").matches("[\\w.-]+/[\\w.-]+@v?\\d+.*"), "uses is pinned to a version: " + step.get("uses"));
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
        assertTrue(stepOutputs.get(so.group(1)).contains(so.group(2)), "step " + so.group(1) + " never writes output " + so.group(2));
      }
    }
    assertTrue(expressions >= inputs.size(), "inputs are not all used");
    // if conditions are expressions too (without the braces)
    for (Object s : steps) {
      Object cond = map(s, "step").get("if");
      if (cond == null) continue;
      Matcher i = INPUT_REF.matcher(String.valueOf(cond));
      while (i.find()) assertTrue(inputs.containsKey(i.group(1)), "unknown input " + i.group(1) + " in if");
    }
    for (String name : inputs.keySet()) {
      assertTrue(source.contains("inputs." + name), "input " + name + " is never used");
    }
    Map<String, Object> outputs = map(action.get("outputs"), "outputs");
    for (Map.Entry<String, Object> e : outputs.entrySet()) {
      text(map(e.getValue(), "output " + e.getKey()).get("value"), "value of output " + e.getKey());
    }
  }
}
