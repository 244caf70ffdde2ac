package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose files through the engine: overrides reported in their own file, discovery of compose names. */
class ComposeLintTest {
  @TempDir
  Path dir;

  private static List<String> shown(FileResult r) {
    return r.findings().stream().map(f -> f.rule().id() + " " + f.file().replace('\\', '/') + ":" + f.span()).toList();
  }

  @Test
  void overrideFindingsBelongToTheOverrideFileAndAreReportedOnce() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: nginx:1.27
            environment:
              - API_TOKEN=abc123def456
        """);
    Files.writeString(dir.resolve("compose.override.yaml"), """
        services:
          web:
            image: nginx
            environment:
              DB_PASSWORD: Tr0ub4dor-and-3
              NOTE: AKIAIOSFODNN7EXAMPLE
        """);
    Discovery.Found found = Discovery.find(List.of(dir.toString()), null);
    assertEquals(2, found.targets().size());
    assertTrue(found.targets().stream().allMatch(t -> t.kind() == SourceKind.COMPOSE));
    List<FileResult> results = new Linter(LintSettings.DEFAULT).lint(found.targets(), 1);
    FileResult base = results.stream().filter(r -> r.displayPath().endsWith("compose.yaml")).findFirst().orElseThrow();
    FileResult over = results.stream().filter(r -> r.displayPath().endsWith("override.yaml")).findFirst().orElseThrow();
    String d = dir.toString().replace('\\', '/');
    // missing-setting rules judge the merged service once, at the service key in the base file
    assertEquals(List.of(
        "HD112 " + d + "/compose.yaml:2:3-2:6",
        "HD116 " + d + "/compose.yaml:2:3-2:6",
        "HD117 " + d + "/compose.yaml:2:3-2:6",
        "HD120 " + d + "/compose.yaml:2:3-2:6",
        "HD121 " + d + "/compose.yaml:2:3-2:6",
        "HD122 " + d + "/compose.yaml:2:3-2:6",
        "HD201 " + d + "/compose.override.yaml:3:12-3:17",
        "HD401 " + d + "/compose.override.yaml:5:7-5:35",
        "HD401 " + d + "/compose.yaml:5:9-5:31",
        "HD403 " + d + "/compose.override.yaml:6:13-6:33"), shown(base));
    assertEquals(List.of(), over.findings());

    // the override alone: only what it sets is reported, still judged on the merged service
    FileResult alone = new Linter(LintSettings.DEFAULT).lint(new Target(dir.resolve("compose.override.yaml"),
        "compose.override.yaml", SourceKind.COMPOSE), null);
    assertEquals(List.of("HD201 compose.override.yaml:3:12-3:17", "HD401 compose.override.yaml:5:7-5:35",
        "HD403 compose.override.yaml:6:13-6:33"), shown(alone));
  }

  @Test
  void explicitYamlWithServicesIsCompose() throws IOException {
    Path p = dir.resolve("stack.yml");
    Files.writeString(p, "services:\n  a:\n    image: redis\n");
    Discovery.Found found = Discovery.find(List.of(p.toString()), null);
    assertEquals(SourceKind.COMPOSE, found.targets().get(0).kind());
    FileResult r = new Linter(LintSettings.DEFAULT).lint(found.targets().get(0), null);
    assertTrue(r.findings().stream().map(Finding::rule).anyMatch(m -> m.id().equals("HD201")), r.findings()::toString);
  }
}
