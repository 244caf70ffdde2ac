package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a folder walk reads for run lines: workflows by their folder, actions by their name at any depth. */
class DiscoveryRunSourcesTest {
  @TempDir
  Path dir;

  @Test
  void actionsWorkflowsMakefilesAndMarkdownAreRunSources() throws IOException {
    for (String f : List.of(".github/workflows/ci.yml", ".github/actions/setup/action.yml", "action.yaml",
        "tools/deploy/action.yml", "Makefile", "build/rules.mk", "docs/README.md", "ci/.gitlab-ci.yml",
        "config/settings.yml", "docs/actions.yml", ".github/dependabot.yml")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x: 1\n");
    }
    Map<String, SourceKind> found = new TreeMap<>();
    for (Target t : Discovery.find(List.of(dir.toString()), null).targets()) {
      found.put(dir.relativize(t.path()).toString().replace('\\', '/'), t.kind());
    }
    Map<String, SourceKind> expected = new TreeMap<>();
    for (String f : List.of(".github/workflows/ci.yml", ".github/actions/setup/action.yml", "action.yaml",
        "tools/deploy/action.yml", "Makefile", "build/rules.mk", "docs/README.md", "ci/.gitlab-ci.yml")) {
      expected.put(f, SourceKind.RUN);
    }
    assertEquals(expected, found);
  }
}
