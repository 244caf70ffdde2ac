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
  @TempDir Path dir;

  private static List<String> shown(FileResult r) {
    return r.findings().stream()
        .map(f -> f.rule().id() + " " + f.file().replace('\\', '/') + ":" + f.span())
        .toList();
  }

  @Test
  void overrideFindingsBelongToTheOverrideFileAndAreReportedOnce() throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          web:
            image: nginx:1.27
            environment:
              - API_TOKEN=abc123def456
        """);
    Files.writeString(
        dir.resolve("compose.override.yaml"),
        """
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
    FileResult base =
        results.stream()
            .filter(r -> r.displayPath().endsWith("compose.yaml"))
            .findFirst()
            .orElseThrow();
    FileResult over =
        results.stream()
            .filter(r -> r.displayPath().endsWith("override.yaml"))
            .findFirst()
            .orElseThrow();
    String d = dir.toString().replace('\\', '/');
    // missing-setting rules judge the merged service once, at the service key in the base file
    assertEquals(
        List.of(
            "HD112 " + d + "/compose.yaml:2:3-2:6",
            "HD116 " + d + "/compose.yaml:2:3-2:6",
            "HD117 " + d + "/compose.yaml:2:3-2:6",
            "HD120 " + d + "/compose.yaml:2:3-2:6",
            "HD121 " + d + "/compose.yaml:2:3-2:6",
            "HD122 " + d + "/compose.yaml:2:3-2:6",
            "HD401 " + d + "/compose.yaml:5:9-5:31",
            "HD201 " + d + "/compose.override.yaml:3:12-3:17",
            "HD401 " + d + "/compose.override.yaml:5:7-5:35",
            "HD403 " + d + "/compose.override.yaml:6:13-6:33"),
        shown(base));
    assertEquals(List.of(), over.findings());

    // the override alone: only what it sets is reported, still judged on the merged service
    FileResult alone =
        new Linter(LintSettings.DEFAULT)
            .lint(
                new Target(
                    dir.resolve("compose.override.yaml"),
                    "compose.override.yaml",
                    SourceKind.COMPOSE),
                null);
    assertEquals(
        List.of(
            "HD201 compose.override.yaml:3:12-3:17",
            "HD401 compose.override.yaml:5:7-5:35",
            "HD403 compose.override.yaml:6:13-6:33"),
        shown(alone));
  }

  @Test
  void explicitYamlWithServicesIsCompose() throws IOException {
    Path p = dir.resolve("stack.yml");
    Files.writeString(p, "services:\n  a:\n    image: redis\n");
    Discovery.Found found = Discovery.find(List.of(p.toString()), null);
    assertEquals(SourceKind.COMPOSE, found.targets().get(0).kind());
    FileResult r = new Linter(LintSettings.DEFAULT).lint(found.targets().get(0), null);
    assertTrue(
        r.findings().stream().map(Finding::rule).anyMatch(m -> m.id().equals("HD201")),
        r.findings()::toString);
  }

  private List<String> shown(FileResult r, String rule) {
    String d = dir.toString().replace('\\', '/') + "/";
    return r.findings().stream()
        .filter(f -> f.rule().id().equals(rule))
        .map(f -> f.file().replace('\\', '/').replace(d, "") + ":" + f.span())
        .toList();
  }

  private FileResult lintBase() {
    return new Linter(LintSettings.DEFAULT)
        .lint(
            new Target(
                dir.resolve("compose.yaml"),
                dir.resolve("compose.yaml").toString(),
                SourceKind.COMPOSE),
            null);
  }

  @Test
  void aLimitInTheBaseFileCoversThePortsAnOverrideAdds() throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          web:
            image: nginx:1.27
            mem_limit: 512m
        """);
    Files.writeString(
        dir.resolve("compose.override.yaml"),
        """
        services:
          web:
            ports:
              - "127.0.0.1:8080:80"
        """);
    FileResult r = lintBase();
    assertEquals(List.of(), shown(r, "HD120"));
    assertEquals(List.of(), shown(r, "HD126"));
    // and a limit only in the override counts as much
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
    Files.writeString(
        dir.resolve("compose.override.yaml"),
        """
        services:
          web:
            deploy:
              resources:
                limits:
                  memory: 256M
        """);
    assertEquals(List.of(), shown(lintBase(), "HD120"));
  }

  @Test
  void privilegedSetByTheOverrideIsReportedInTheOverrideAtItsLine() throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          web:
            image: nginx:1.27
            privileged: false
        """);
    Files.writeString(
        dir.resolve("compose.override.yaml"),
        """
        # local debugging only
        services:
          web:
            privileged: true
        """);
    assertEquals(List.of("compose.override.yaml:4:5-4:21"), shown(lintBase(), "HD101"));
  }

  @Test
  void aServiceBuildingADockerfileThatNeverSetsUserRunsAsRoot() throws IOException {
    Files.createDirectories(dir.resolve("api"));
    Files.writeString(
        dir.resolve("api/Dockerfile"),
        """
        FROM python:3.12-slim
        RUN pip install flask
        CMD ["python", "app.py"]
        """);
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          api:
            build: ./api
          worker:
            build:
              context: ./api
              dockerfile: Dockerfile
        """);
    FileResult r = lintBase();
    assertEquals(List.of("compose.yaml:3:5-3:17", "compose.yaml:5:5-5:10"), shown(r, "HD119"));
    String message =
        r.findings().stream()
            .filter(f -> f.rule().id().equals("HD119"))
            .findFirst()
            .orElseThrow()
            .message();
    assertTrue(message.contains("Dockerfile") && message.contains("never sets USER"), message);

    // a user on the service wins over the image's
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          api:
            build: ./api
            user: "1000"
        """);
    assertEquals(List.of(), shown(lintBase(), "HD119"));

    // a final stage that sets a non-root user
    Files.writeString(
        dir.resolve("api/Dockerfile"),
        """
        FROM python:3.12-slim
        RUN useradd app
        USER app
        """);
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  api:\n    build: ./api\n");
    assertEquals(List.of(), shown(lintBase(), "HD119"));

    // USER root in the Dockerfile: the message names the Dockerfile and its line
    Files.writeString(
        dir.resolve("api/Dockerfile"),
        """
        FROM python:3.12-slim AS build
        USER app
        FROM python:3.12-slim
        USER root
        """);
    r = lintBase();
    assertEquals(List.of("compose.yaml:3:5-3:17"), shown(r, "HD119"));
    message =
        r.findings().stream()
            .filter(f -> f.rule().id().equals("HD119"))
            .findFirst()
            .orElseThrow()
            .message();
    assertTrue(message.contains("Dockerfile:4") && message.contains("sets USER root"), message);

    // build.target builds that stage: its user counts, not the last stage's
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  api:\n    build: {context: ./api, target: build}\n");
    assertEquals(List.of(), shown(lintBase(), "HD119"));
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  api:\n    build: {context: ./api, target: nosuch}\n");
    assertEquals(
        List.of(), shown(lintBase(), "HD119"), "a target that names no stage is not guessed at");
  }
}
