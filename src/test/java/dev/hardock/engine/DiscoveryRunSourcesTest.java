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
  @TempDir Path dir;

  @Test
  void actionsWorkflowsMakefilesAndMarkdownAreRunSources() throws IOException {
    for (String f :
        List.of(
            ".github/workflows/ci.yml",
            ".github/actions/setup/action.yml",
            "action.yaml",
            "tools/deploy/action.yml",
            "Makefile",
            "build/rules.mk",
            "docs/README.md",
            "ci/.gitlab-ci.yml",
            "config/settings.yml",
            "docs/actions.yml",
            ".github/dependabot.yml")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x: 1\n");
    }
    Map<String, SourceKind> found = new TreeMap<>();
    for (Target t : Discovery.find(List.of(dir.toString()), null).targets()) {
      found.put(dir.relativize(t.path()).toString().replace('\\', '/'), t.kind());
    }
    Map<String, SourceKind> expected = new TreeMap<>();
    for (String f :
        List.of(
            ".github/workflows/ci.yml",
            ".github/actions/setup/action.yml",
            "action.yaml",
            "tools/deploy/action.yml",
            "Makefile",
            "build/rules.mk",
            "docs/README.md",
            "ci/.gitlab-ci.yml")) {
      expected.put(f, SourceKind.RUN);
    }
    assertEquals(expected, found);
  }

  /** A file without a telling name named on the command line: a script when its #! runs a POSIX shell. */
  @Test
  void aNamedFileIsAScriptByItsShebang() throws IOException {
    Map<String, String> files =
        Map.of(
            "a",
            "#!/bin/mksh\n",
            "b",
            "#!/usr/bin/env -S bash -e\n",
            "c",
            "#!/bin/busybox sh\n",
            "d",
            "#!/usr/bin/python3\n",
            "e",
            "#!/usr/bin/env node --require=x.sh\n",
            "f",
            "#!/usr/bin/fish\n");
    Map<String, SourceKind> found = new TreeMap<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.writeString(p, e.getValue());
      found.put(e.getKey(), Discovery.kindOfNamed(p, e.getKey()));
    }
    Map<String, SourceKind> expected = new TreeMap<>();
    expected.put("a", SourceKind.RUN);
    expected.put("b", SourceKind.RUN);
    expected.put("c", SourceKind.RUN);
    expected.put("d", null);
    expected.put("e", null);
    expected.put("f", null);
    assertEquals(expected, found);
  }
}
