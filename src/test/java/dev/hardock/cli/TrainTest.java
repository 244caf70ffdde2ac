package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training samples are read without a parse problem and reach the rules of their kind, so the
 * JVM cache it builds holds the real lint path (readers, shell grammar, walks, rules, the text report) of the common kinds.
 */
class TrainTest {
  private static final Pattern RULE =
      Pattern.compile("\\[(HD\\d{3}) [a-z0-9-]+]$", Pattern.MULTILINE);

  private static Set<String> rules(String name, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {
              "-f", "gnu", "--stdin-filename", "/nonexistent-hardock-training/" + name, "-"
            },
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertEquals(1, code, out.toString(StandardCharsets.UTF_8));
    Set<String> ids = new TreeSet<>();
    Matcher m = RULE.matcher(out.toString(StandardCharsets.UTF_8));
    while (m.find()) ids.add(m.group(1));
    return ids;
  }

  @Test
  void dockerfileSampleReachesShellAndHeredocRules() {
    assertEquals(
        Set.of("HD201", "HD302", "HD304", "HD305", "HD306", "HD308", "HD311"),
        rules("Dockerfile", Train.DOCKERFILE));
  }

  @Test
  void customRuleSamplesCompileAndHold() {
    // on Java 17-24 the training runs them so that AppCDS holds CEL's classes: they must really run
    // through
    // CEL's compiler, checker and runtime (a misspelt field would make the training load almost
    // nothing)
    assertEquals(true, Train.customRules());
  }

  @Test
  void composeSampleIsReadAsCompose() {
    // HD005: the sample's build names a Dockerfile in a folder that does not exist
    assertEquals(
        Set.of(
            "HD005", "HD101", "HD104", "HD105", "HD106", "HD111", "HD112", "HD116", "HD117",
            "HD120", "HD121", "HD122", "HD126", "HD127", "HD201", "HD401", "HD402"),
        rules("compose.yaml", Train.COMPOSE));
  }

  @Test
  void runLineSampleIsReadAsRunLine() {
    assertEquals(
        Set.of(
            "HD101", "HD102", "HD105", "HD112", "HD116", "HD117", "HD120", "HD121", "HD122",
            "HD126", "HD127"),
        rules("run.sh", Train.RUN));
  }

  @Test
  void trainingWritesNothingAndPrintsNothing(@TempDir Path tmp) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path temp = Files.createDirectories(tmp.resolve("tmp"));
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp,
                "-Duser.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hardock.cli.Train")
            .directory(cwd.toFile())
            .redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertEquals("", output);
    for (Path d : List.of(home, temp, cwd)) {
      try (Stream<Path> s = Files.list(d)) {
        assertEquals(List.of(), s.toList(), d.toString());
      }
    }
  }
}
