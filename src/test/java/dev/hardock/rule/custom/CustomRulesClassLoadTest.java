package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CEL costs nothing to a run without custom rules: the whole CLI, as a process with {@code -verbose:class},
 * lints a project (Dockerfile, compose file, a configuration without custom-rules) and loads no class of
 * CEL or of what it brings (protobuf, Guava, RE2/J). With a custom rule, it does load them (the check sees).
 */
class CustomRulesClassLoadTest {
  private static final List<String> CEL_PACKAGES =
      List.of(
          "dev.cel.",
          "com.google.protobuf.",
          "com.google.common.",
          "com.google.re2j.",
          "org.threeten.extra.");

  private static List<String> loaded(Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-Xshare:off",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hardock.cli.Main"));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("classes.log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    int code = p.waitFor();
    List<String> cel = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (!line.startsWith("[") || !line.contains("class,load")) continue;
      for (String pkg : CEL_PACKAGES) if (line.contains(" " + pkg)) cel.add(line);
    }
    assertTrue(
        code == 0 || code == 1,
        "exit "
            + code
            + ": "
            + Files.readString(out).lines().filter(l -> !l.startsWith("[")).toList());
    return cel;
  }

  @Test
  void aRunWithoutCustomRulesLoadsNoCelClass(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN apk add curl\nUSER app\n");
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    image: nginx:1\n    privileged: true\n");
    Files.writeString(dir.resolve(".hardock.yaml"), "rules:\n  HD201: warning\n");
    assertEquals(List.of(), loaded(dir, "."));
    // the other paths that read the rule registry
    assertEquals(List.of(), loaded(dir, "--list-rules"));
    assertEquals(List.of(), loaded(dir, "-f", "sarif", "."));
    assertEquals(List.of(), loaded(dir, "model", "."));
  }

  @Test
  void aRunWithACustomRuleLoadsCel(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Files.writeString(
        dir.resolve(".hardock.yaml"),
        "custom-rules:\n  - id: ACME1\n    slug: x\n    on: image\n"
            + "    when: 'true'\n    message: m\n");
    assertFalse(loaded(dir, ".").isEmpty());
  }
}
