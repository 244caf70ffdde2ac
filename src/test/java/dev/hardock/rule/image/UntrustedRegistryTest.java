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

class UntrustedRegistryTest {
  @TempDir Path dir;

  private List<String> lint(String dockerfile, List<String> trusted) throws Exception {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(p, dockerfile);
    RuleOptions options =
        trusted == null
            ? RuleOptions.NONE
            : new RuleOptions(Map.of("HD203", Map.of(UntrustedRegistry.OPTION, trusted)));
    FileResult r =
        new Linter(new LintSettings(Set.of(), Set.of(), Map.of(), options))
            .lint(new Target(p, "Dockerfile", SourceKind.DOCKERFILE), null);
    return r.findings().stream()
        .filter(f -> f.rule().id().equals("HD203"))
        .map(f -> f.span().line() + ":" + f.span().column())
        .toList();
  }

  private static final String FILE =
      """
      FROM ghcr.io/acme/base:1
      FROM ghcr.io/other/base:1
      FROM nginx:1.27
      FROM bitnami/redis:7
      FROM registry-1.docker.io/library/alpine:3.20
      FROM quay.io/x/y:1
      """;

  @Test
  void silentWithoutOptionsOrWithAnEmptyList() throws Exception {
    assertEquals(List.of(), lint(FILE, null));
    assertEquals(List.of(), lint(FILE, List.of()));
    assertEquals(List.of(), lint(FILE, List.of(" ", "")));
  }

  @Test
  void registryHostsAndPathPrefixes() throws Exception {
    assertEquals(
        List.of("2:6", "4:6", "6:6"), lint(FILE, List.of("ghcr.io/acme", "docker.io/library")));
    assertEquals(List.of("6:6"), lint(FILE, List.of("ghcr.io", "index.docker.io")));
    assertEquals(List.of("1:6", "2:6", "3:6", "4:6", "5:6"), lint(FILE, List.of("QUAY.IO/")));
  }

  @Test
  void canonicalNames() {
    assertEquals(
        "docker.io/library/nginx",
        UntrustedRegistry.knownName(ImageRef.parse("nginx:1", "nginx:1")));
    assertEquals(
        "docker.io/bitnami/redis",
        UntrustedRegistry.knownName(ImageRef.parse("bitnami/redis", "bitnami/redis")));
    assertEquals(
        "localhost:5000/app",
        UntrustedRegistry.knownName(
            ImageRef.parse("localhost:5000/app:1", "localhost:5000/app:1")));
    assertEquals(
        "docker.io/library/alpine",
        UntrustedRegistry.knownName(
            ImageRef.parse(
                "index.docker.io/library/alpine@sha256:ab",
                "index.docker.io/library/alpine@sha256:ab")));
    // A variable after the registry: the registry is known, the rest only as a prefix.
    assertEquals(
        "ghcr.io/", UntrustedRegistry.knownName(ImageRef.parse("ghcr.io/${ORG}/app", null)));
    assertEquals(null, UntrustedRegistry.knownName(ImageRef.parse("${REGISTRY}/app:1", null)));
  }
}
