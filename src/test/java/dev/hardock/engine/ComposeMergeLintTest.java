package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose's merge rules through the engine (compose-spec "Merge", compose-go's override package), every
 * finding with the file and position of the value that causes it: lists with unique keys, {@code !reset} and
 * {@code !override}, several documents in one file, and which file owns the findings of an included file.
 */
class ComposeMergeLintTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** Findings of some rules, as {@code RULE file:span}, the file relative to the temp folder. */
  private List<String> shown(FileResult r, String... rules) {
    String d = dir.toString().replace('\\', '/') + "/";
    List<String> ids = List.of(rules);
    return r.findings().stream()
        .filter(f -> ids.contains(f.rule().id()))
        .map(f -> f.rule().id() + " " + f.file().replace('\\', '/').replace(d, "") + ":" + f.span())
        .toList();
  }

  private FileResult lint(String name) {
    return new Linter(LintSettings.DEFAULT)
        .lint(
            new Target(dir.resolve(name), dir.resolve(name).toString(), SourceKind.COMPOSE), null);
  }

  private List<FileResult> lintAll(List<String> args) {
    Discovery.Found found = Discovery.find(args, null);
    return new Linter(LintSettings.DEFAULT).lint(found.targets(), 2);
  }

  private List<String> shownAll(List<FileResult> results, String... rules) {
    List<String> out = new ArrayList<>();
    for (FileResult r : results) {
      String d = dir.toString().replace('\\', '/') + "/";
      for (String s : shown(r, rules))
        out.add(r.displayPath().replace('\\', '/').replace(d, "") + " -> " + s);
    }
    return out;
  }

  @Test
  void anOverrideVolumeReplacesTheBaseMountAtTheSameTarget() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock
              - /etc/nginx:/etc/nginx:ro
        """);
    write(
        "compose.override.yaml",
        """
        services:
          web:
            volumes:
              - type: volume
                source: sock
                target: /var/run/docker.sock
              - /srv/conf:/etc/nginx
        """);
    // the socket and /etc are no longer mounted; the override's writable bind is, at its own
    // position
    assertEquals(
        List.of("HD105 compose.override.yaml:7:9-7:29"),
        shown(lint("compose.yaml"), "HD103", "HD104", "HD105"));
  }

  @Test
  void portsCapabilitiesAndDevicesAreKeptOncePerKeyWithTheLaterFileWinning() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            ports: ["8080:80", "127.0.0.1:9090:90"]
            cap_add: [SYS_ADMIN, NET_ADMIN]
            devices: ["/dev/sda:/dev/xvda"]
        """);
    write(
        "compose.override.yaml",
        """
        services:
          web:
            ports:
              - "0.0.0.0:8080:80"
              - target: 90
                published: 9090
                host_ip: 127.0.0.1
            cap_add: [SYS_ADMIN]
            devices: ["/dev/fuse:/dev/xvda"]
        """);
    FileResult r = lint("compose.yaml");
    // one port 8080->80 on all interfaces, reported where the override writes it; 9090 stays on
    // 127.0.0.1
    assertEquals(List.of("HD126 compose.override.yaml:4:9-4:26"), shown(r, "HD126"));
    // SYS_ADMIN once (the override's item), NET_ADMIN from the base
    assertEquals(
        List.of("HD111 compose.yaml:5:26-5:35", "HD111 compose.override.yaml:8:15-8:24"),
        shown(r, "HD111"));
    // the device at /dev/xvda is the override's /dev/fuse, not the disk
    assertEquals(List.of("HD118 compose.override.yaml:9:15-9:36"), shown(r, "HD118"));
  }

  @Test
  void environmentMergesByNameInListAndMapForms() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            environment:
              - DOCKER_CONTENT_TRUST=0
              - API_TOKEN=abc123def456ghi
        """);
    write(
        "compose.override.yaml",
        """
        services:
          web:
            environment:
              DOCKER_CONTENT_TRUST: "1"
        """);
    FileResult r = lint("compose.yaml");
    assertEquals(List.of(), shown(r, "HD319"));
    assertEquals(List.of("HD401 compose.yaml:6:9-6:34"), shown(r, "HD401"));
  }

  @Test
  void commandAndHealthcheckTestAreReplacedNotAppended() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            healthcheck:
              test: ["NONE"]
        """);
    write(
        "compose.override.yaml",
        """
        services:
          web:
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost/"]
        """);
    assertEquals(List.of(), shown(lint("compose.yaml"), "HD125"));
  }

  @Test
  void resetAndOverrideTags() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            privileged: true
            cap_add: [SYS_ADMIN]
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock
              - /etc:/host/etc:ro
        """);
    write(
        "compose.override.yaml",
        """
        services:
          web:
            privileged: !reset null
            cap_add: !reset []
            volumes: !override
              - data:/data
        """);
    FileResult r = lint("compose.yaml");
    assertEquals(List.of(), shown(r, "HD101", "HD111", "HD103", "HD104"));
    // in the file that writes it, !reset drops the value too (compose-go's reset processor)
    write("compose.override.yaml", "services: {}\n");
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            privileged: !reset true
            ports: [!reset "80:80", "127.0.0.1:81:81"]
        """);
    assertEquals(List.of(), shown(lint("compose.yaml"), "HD101", "HD126", "HD001"));
    // a whole service reset or overridden by the override file
    write(
        "compose.yaml",
        """
        services:
          debug:
            image: alpine:3.20
            privileged: true
          web:
            image: nginx:1.27
            pid: host
        """);
    write(
        "compose.override.yaml",
        """
        services:
          debug: !reset
          web: !override
            image: nginx:1.27
            ipc: host
        """);
    assertEquals(
        List.of("HD108 compose.override.yaml:5:5-5:14"),
        shown(lint("compose.yaml"), "HD101", "HD107", "HD108"));
  }

  @Test
  void laterDocumentsOfAFileAreMergedOverTheFirst() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
            volumes: ["/srv/www:/usr/share/nginx/html:ro"]
        ---
        services:
          web:
            privileged: true
            volumes: ["/var/run/docker.sock:/usr/share/nginx/html"]
          worker:
            image: alpine:3.20
            pid: host
        """);
    FileResult r = lint("compose.yaml");
    assertEquals(
        List.of(
            "HD101 compose.yaml:8:5-8:21",
            "HD104 compose.yaml:9:16-9:36",
            "HD107 compose.yaml:12:5-12:14"),
        shown(r, "HD101", "HD104", "HD107", "HD001"));
  }

  @Test
  void anIncludedFileLintedInTheSameRunOwnsItsFindings() throws IOException {
    write(
        "compose.yaml",
        """
        include:
          - infra/compose.yaml
        services:
          web:
            image: nginx:1.27
            privileged: true
        """);
    write(
        "infra/compose.yaml",
        """
        services:
          db:
            image: postgres:16
            pid: host
            environment:
              NOTE: AKIAIOSFODNN7EXAMPLE
        """);
    List<String> expected =
        List.of(
            "compose.yaml -> HD101 compose.yaml:6:5-6:21",
            "infra/compose.yaml -> HD107 infra/compose.yaml:4:5-4:14",
            "infra/compose.yaml -> HD403 infra/compose.yaml:6:13-6:33");
    String main = dir.resolve("compose.yaml").toString();
    String infra = dir.resolve("infra/compose.yaml").toString();
    // both files on the command line, in either order, and the folder discovered
    assertEquals(expected, shownAll(lintAll(List.of(main, infra)), "HD101", "HD107", "HD403"));
    assertEquals(
        List.of(expected.get(1), expected.get(2), expected.get(0)),
        shownAll(lintAll(List.of(infra, main)), "HD101", "HD107", "HD403"));
    List<String> discovered =
        new ArrayList<>(shownAll(lintAll(List.of(dir.toString())), "HD101", "HD107", "HD403"));
    discovered.sort(null);
    assertEquals(expected, discovered);
    // the including file alone reports what the included one sets, in that file (the linted file's
    // own first)
    assertEquals(
        List.of(
            "compose.yaml -> HD101 compose.yaml:6:5-6:21",
            "compose.yaml -> HD107 infra/compose.yaml:4:5-4:14",
            "compose.yaml -> HD403 infra/compose.yaml:6:13-6:33"),
        shownAll(lintAll(List.of(main)), "HD101", "HD107", "HD403"));
  }

  @Test
  void aBuildPathAndABuildMappingMergeIntoOneBuild() throws IOException {
    write("api/Dockerfile", "FROM python:3.12-slim\nUSER app\n");
    write("api/Dockerfile.debug", "FROM python:3.12-slim\nUSER root\n");
    write(
        "compose.yaml",
        """
        services:
          api:
            build: ./api
        """);
    write(
        "compose.override.yaml",
        """
        services:
          api:
            build:
              dockerfile: Dockerfile.debug
        """);
    // the context of the base and the Dockerfile of the override: the image runs as root
    assertEquals(List.of("HD119 compose.yaml:3:5-3:10"), shown(lint("compose.yaml"), "HD119"));
  }

  @Test
  void aFileThatExtendsReadsOwnsItsFindingsWhenLintedToo() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            extends:
              file: common.compose.yaml
              service: base
            image: nginx:1.27
        """);
    write(
        "common.compose.yaml",
        """
        services:
          base:
            image: alpine:3.20
            privileged: true
        """);
    String main = dir.resolve("compose.yaml").toString();
    String common = dir.resolve("common.compose.yaml").toString();
    assertEquals(
        List.of("common.compose.yaml -> HD101 common.compose.yaml:4:5-4:21"),
        shownAll(lintAll(List.of(main, common)), "HD101"));
    assertEquals(
        List.of("compose.yaml -> HD101 common.compose.yaml:4:5-4:21"),
        shownAll(lintAll(List.of(main)), "HD101"));
  }

  @Test
  void theFilesOfOneIncludeItemAreMergedInOrder() throws IOException {
    write(
        "compose.yaml",
        """
        include:
          - path: [infra/base.yaml, infra/local.yaml]
        services:
          web:
            image: nginx:1.27
        """);
    write(
        "infra/base.yaml",
        """
        services:
          db:
            image: postgres:16
            volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
        """);
    write(
        "infra/local.yaml",
        """
        services:
          db:
            volumes: ["dbsock:/var/run/docker.sock"]
            pid: host
        """);
    assertEquals(
        List.of("HD107 infra/local.yaml:4:5-4:14"), shown(lint("compose.yaml"), "HD104", "HD107"));
  }

  /**
   * An included project interpolates with its own .env, the including project's values winning (compose-go
   * loader/include.go): TAG comes from sub/.env (no latest tag), DCT from the parent's .env (content trust off).
   */
  @Test
  void anIncludedFileReadsItsOwnDotEnvUnderTheParentsValues() throws IOException {
    write("compose.yaml", "include: [sub/compose.yaml]\n");
    write(".env", "DCT=0\n");
    write(
        "sub/compose.yaml",
        """
        services:
          worker:
            image: "worker:${TAG:-latest}"
            environment:
              DOCKER_CONTENT_TRUST: "${DCT}"
        """);
    write("sub/.env", "DCT=1\nTAG=2.0\n");
    assertEquals(
        List.of("HD319 sub/compose.yaml:5:7-5:37"), shown(lint("compose.yaml"), "HD201", "HD319"));
  }
}
