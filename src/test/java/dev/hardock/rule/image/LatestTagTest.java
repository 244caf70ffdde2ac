package dev.hardock.rule.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.ImageRef;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.RuleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestTagTest {
  @TempDir Path dir;

  @Test
  void theHintNamesTheFlaggedImage() throws Exception {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(
        p,
        """
        ARG BASE=ghcr.io/acme/app
        FROM python:latest
        FROM ${BASE}
        FROM localhost:5000/tools
        """);
    FileResult r =
        new Linter(new LintSettings(Set.of(), Set.of(), Map.of(), RuleOptions.NONE))
            .lint(new Target(p, "Dockerfile", SourceKind.DOCKERFILE), null);
    List<String> messages =
        r.findings().stream()
            .filter(f -> f.rule().id().equals("HD201"))
            .map(f -> f.message() + ": " + f.help())
            .toList();
    assertEquals(
        List.of(
            "image python:latest uses the latest tag: pin a version, ideally with its digest"
                + " (python:<version>@sha256:<digest>), so every pull gets the same image",
            "image ${BASE} (ghcr.io/acme/app) has no tag: pin a version, ideally with its digest"
                + " (ghcr.io/acme/app:<version>@sha256:<digest>), so every pull gets the same image",
            "image localhost:5000/tools has no tag: pin a version, ideally with its digest"
                + " (localhost:5000/tools:<version>@sha256:<digest>), so every pull gets the same image"),
        messages);
  }

  @Test
  void nameOfAReferenceWithUnknownVariables() {
    assertEquals("${REG}/app", LatestTag.name(ImageRef.parse("${REG}/app:latest", null)));
    assertEquals("${REG}/app", LatestTag.name(ImageRef.parse("${REG}/app", null)));
  }
}
