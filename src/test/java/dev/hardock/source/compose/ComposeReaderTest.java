package dev.hardock.source.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.container.BuildArg;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.PortMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeReaderTest {
  @TempDir Path dir;

  private ComposeReader.Result read(String text) throws IOException {
    return read("compose.yaml", text, ComposeReader.Options.DEFAULT);
  }

  private ComposeReader.Result read(String name, String text, ComposeReader.Options options)
      throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return ComposeReader.read(SourceFile.of(p, name, text, SourceKind.COMPOSE), options);
  }

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static ContainerSpec service(ComposeReader.Result r, String name) {
    return r.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static void noProblems(ComposeReader.Result r) {
    assertEquals(List.of(), r.problems());
  }

  @Test
  void scalarSettingsPointAtKeyAndValue() throws IOException {
    var r =
        read(
            """
        version: "3.8"
        services:
          web:
            image: nginx:1.27
            privileged: true
            user: "0"
            network_mode: host
            pid: host
            ipc: host
            uts: host
            userns_mode: host
            cgroup_parent: custom
            read_only: false
            restart: always
            mem_limit: 512m
            memswap_limit: -1
            cpus: 0.5
            pids_limit: 100
        """);
    noProblems(r);
    ContainerSpec c = service(r, "web");
    assertEquals("3:3-3:6", c.span().toString());
    assertEquals("4:12-4:22", c.image().span().toString());
    assertEquals("nginx:1.27", c.image().ref().raw());
    assertEquals(true, c.privileged().value());
    assertEquals("5:5-5:21", c.privileged().span().toString());
    assertEquals("0", c.user().value());
    assertEquals("6:5-6:14", c.user().span().toString());
    assertEquals("host", c.networkMode().value());
    assertEquals("host", c.pidMode().value());
    assertEquals("host", c.ipcMode().value());
    assertEquals("host", c.utsMode().value());
    assertEquals("host", c.usernsMode().value());
    assertEquals("custom", c.cgroupParent().value());
    assertEquals(false, c.readOnlyRootfs().value());
    assertEquals("always", c.restart().value());
    assertEquals("512m", c.memory().value());
    assertEquals("-1", c.memorySwap().value());
    assertEquals("0.5", c.cpus().value());
    assertEquals("100", c.pidsLimit().value());
  }

  @Test
  void flowMappingKeysAndNonAsciiColumnsInUtf16() throws IOException {
    var r =
        read(
            """
        services:
          # \uD83D\uDE00 comment
          a: {image: "caf\u00e9:1", privileged: true}
          b: {labels: {x: "\uD83D\uDE00\uD83D\uDE00"}, privileged: true}
        """);
    noProblems(r);
    assertEquals("3:24-3:40", service(r, "a").privileged().span().toString());
    // two characters outside the BMP: 4 UTF-16 units, 2 code points
    assertEquals("4:28-4:44", service(r, "b").privileged().span().toString());
  }

  @Test
  void shortAndLongVolumes() throws IOException {
    var r =
        read(
            """
        services:
          s:
            image: busybox:1.36
            volumes:
              - /:/host
              - data:/data:ro
              - ./src:/src:rw,rshared
              - /cache
              - type: bind
                source: /var/run/docker.sock
                target: /var/run/docker.sock
                read_only: true
                bind:
                  propagation: slave
            tmpfs: [/run, "/tmp:size=64m"]
        volumes:
          data:
        """);
    noProblems(r);
    List<Mount> m = service(r, "s").mounts();
    assertEquals(7, m.size());
    Mount root = m.get(0);
    assertEquals(Mount.Type.BIND, root.type());
    assertEquals("/", root.source().value());
    assertEquals("5:9-5:10", root.source().span().toString());
    assertEquals("5:11-5:16", root.target().span().toString());
    assertEquals("5:9-5:16", root.span().toString());
    assertNull(root.readOnly());
    assertEquals(Mount.Type.VOLUME, m.get(1).type());
    assertTrue(m.get(1).isReadOnly());
    assertEquals("6:20-6:22", m.get(1).readOnly().span().toString());
    assertEquals("rshared", m.get(2).propagation().value());
    assertFalse(m.get(2).isReadOnly());
    assertNull(m.get(3).source());
    assertEquals("/cache", m.get(3).target().value());
    Mount sock = m.get(4);
    assertEquals(Mount.Type.BIND, sock.type());
    assertEquals("/var/run/docker.sock", sock.source().value());
    assertEquals("10:17-10:37", sock.source().span().toString());
    assertTrue(sock.isReadOnly());
    assertEquals("slave", sock.propagation().value());
    assertEquals("9:9-14:29", sock.span().toString());
    assertEquals(Mount.Type.TMPFS, m.get(5).type());
    assertEquals("/tmp", m.get(6).target().value());
  }

  @Test
  void shortAndLongPorts() throws IOException {
    var r =
        read(
            """
        services:
          s:
            ports:
              - 80
              - "8080:80"
              - 127.0.0.1:443:443/udp
              - "[::1]:22:22"
              - 9000-9010:9000-9010
              - target: 53
                published: "5353"
                host_ip: 0.0.0.0
                protocol: udp
        """);
    noProblems(r);
    List<PortMapping> p = service(r, "s").ports();
    assertEquals(new PortMapping(null, null, "80", "tcp", p.get(0).span()), p.get(0));
    assertEquals("4:9-4:11", p.get(0).span().toString());
    assertEquals(8080, p.get(1).hostPort());
    assertEquals("127.0.0.1", p.get(2).hostIp());
    assertEquals("udp", p.get(2).protocol());
    assertEquals("::1", p.get(3).hostIp());
    assertEquals(22, p.get(3).hostPort());
    assertEquals(9000, p.get(4).hostPort());
    assertEquals(new PortMapping("0.0.0.0", 5353, "53", "udp", p.get(5).span()), p.get(5));
  }

  @Test
  void environmentListAndMapAndCapsAndDevices() throws IOException {
    var r =
        read(
            """
        services:
          a:
            environment:
              - DB_PASSWORD=s3cret
              - FROM_HOST
            cap_add: [SYS_ADMIN, NET_ADMIN]
            cap_drop:
              - ALL
            security_opt: ["seccomp:unconfined", no-new-privileges:true]
            devices:
              - /dev/sda:/dev/sda
              - source: /dev/mem
                target: /dev/mem
            links: [db:database]
            external_links: [redis]
          b:
            environment:
              API_TOKEN: abc123
              EMPTY:
        """);
    noProblems(r);
    List<EnvVar> env = service(r, "a").env();
    assertEquals("DB_PASSWORD", env.get(0).name().value());
    assertEquals("4:9-4:20", env.get(0).name().span().toString());
    assertEquals("s3cret", env.get(0).value().value());
    assertEquals("4:21-4:27", env.get(0).value().span().toString());
    assertEquals("4:9-4:27", env.get(0).span().toString());
    assertNull(env.get(1).value());
    List<EnvVar> envB = service(r, "b").env();
    assertEquals("18:7-18:24", envB.get(0).span().toString());
    assertNull(envB.get(1).value());
    ContainerSpec a = service(r, "a");
    assertEquals(
        List.of("SYS_ADMIN", "NET_ADMIN"), a.capAdd().stream().map(s -> s.value()).toList());
    assertEquals("6:26-6:35", a.capAdd().get(1).span().toString());
    assertEquals("ALL", a.capDrop().get(0).value());
    assertEquals("seccomp:unconfined", a.securityOpts().get(0).value());
    assertEquals(
        List.of("/dev/sda:/dev/sda", "/dev/mem"),
        a.devices().stream().map(s -> s.value()).toList());
    assertEquals(List.of("db:database", "redis"), a.links().stream().map(s -> s.value()).toList());
  }

  @Test
  void limitsFromDeployAndHealthcheck() throws IOException {
    var r =
        read(
            """
        services:
          a:
            deploy:
              resources:
                limits: {memory: 256M, cpus: "0.5", pids: 50}
            healthcheck:
              disable: true
          b:
            cpu_shares: 512
            healthcheck:
              test: ["NONE"]
          c:
            healthcheck:
              test: NONE
          d:
            healthcheck:
              test: ["CMD", "true"]
        """);
    noProblems(r);
    ContainerSpec a = service(r, "a");
    assertEquals("256M", a.memory().value());
    assertEquals("5:18-5:30", a.memory().span().toString());
    assertEquals("0.5", a.cpus().value());
    assertEquals("50", a.pidsLimit().value());
    assertEquals("7:7-7:20", a.healthcheckDisabled().span().toString());
    assertEquals("512", service(r, "b").cpus().value());
    assertEquals("11:7-11:21", service(r, "b").healthcheckDisabled().span().toString());
    assertTrue(service(r, "c").healthcheckDisabled().value());
    assertNull(service(r, "d").healthcheckDisabled());
    assertNull(service(r, "d").memory());
  }

  @Test
  void mergeKeysAreResolvedAndPointAtTheAnchor() throws IOException {
    var r =
        read(
            """
        x-common: &common
          privileged: true
          restart: always
        x-more: &more
          restart: "no"
          user: app
        services:
          a:
            <<: *common
            image: app:1
          b:
            <<: [*more, *common]
            privileged: false
          c:
            volumes: &vols
              - /:/host
          d:
            volumes: *vols
        """);
    noProblems(r);
    ContainerSpec a = service(r, "a");
    assertEquals(true, a.privileged().value());
    assertEquals("2:3-2:19", a.privileged().span().toString());
    ContainerSpec b = service(r, "b");
    assertEquals(false, b.privileged().value());
    assertEquals("13:5-13:22", b.privileged().span().toString());
    assertEquals("no", b.restart().value()); // the earlier source wins
    assertEquals("app", b.user().value());
    assertEquals("16:9-16:16", service(r, "d").mounts().get(0).span().toString());
  }

  @Test
  void anAnchoredValuePointsAtTheValueNotAtItsAnchorOrTag() throws IOException {
    var r =
        read(
            "compose.yaml",
            """
        x-vol: &vol /:/host
        x-flag: &on !!bool true
        services:
          a:
            image: alpine:3.20
            volumes: [*vol]
            privileged: *on
            cap_add: &caps
              - SYS_ADMIN
        """,
            ComposeReader.Options.DEFAULT);
    noProblems(r);
    var a = service(r, "a");
    assertEquals("1:13-1:14", a.mounts().get(0).source().span().toString());
    assertEquals("1:13-1:20", a.mounts().get(0).span().toString());
    assertEquals("2:20-2:24", a.privileged().span().toString());
    assertEquals("9:9-9:18", a.capAdd().get(0).span().toString());
  }

  @Test
  void interpolationFromDotEnvOnly() throws IOException {
    write(
        ".env",
        """
        # comment
        export TAG=1.2.3
        QUOTED="a b" # trailing
        SINGLE='$NOT'
        NET=host
        """);
    String compose =
        """
        services:
          a:
            image: app:${TAG}
          b:
            image: app:${UNSET}
          c:
            image: postgres:${V:-latest}
          d:
            image: nginx:${HOME}
            network_mode: $NET
            user: ${WHO:-root}
            restart: $${literal}
            privileged: ${PRIV}
        """;
    var r = read("compose.yaml", compose, ComposeReader.Options.DEFAULT);
    noProblems(r);
    assertEquals("app:1.2.3", service(r, "a").image().ref().expanded());
    assertFalse(service(r, "b").image().ref().isLatest());
    assertTrue(service(r, "c").image().ref().isLatest());
    assertNull(service(r, "d").image().ref().expanded()); // never from the linter's environment
    assertEquals("host", service(r, "d").networkMode().value());
    assertEquals("root", service(r, "d").user().value());
    assertEquals("${literal}", service(r, "d").restart().value());
    assertNull(
        service(r, "d")
            .privileged()
            .value()); // set, to what cannot be known: neither true nor false
    var withEnv = read("compose.yaml", compose, new ComposeReader.Options(true, List.of()));
    assertTrue(
        service(withEnv, "d").image().ref().expanded() != null || System.getenv("HOME") == null);
  }

  @Test
  void dotEnvParsing() {
    Map<String, String> v =
        DotEnv.parse(
            """
        A=1
        export B = two
        C="x\\ny" # c
        D='lit $A'
        E=${A}-e
        F=value # comment
        G=a#b
        # H=no
        """);
    assertEquals("1", v.get("A"));
    assertEquals("two", v.get("B"));
    assertEquals("x\ny", v.get("C"));
    assertEquals("lit $A", v.get("D"));
    assertEquals("1-e", v.get("E"));
    assertEquals("value", v.get("F"));
    assertEquals("a#b", v.get("G"));
    assertFalse(v.containsKey("H"));
  }

  @Test
  void overrideFileMergesAndKeepsItsOwnPositions() throws IOException {
    write(
        "compose.override.yaml",
        """
        services:
          web:
            ports: ["8080:80"]
            privileged: true
          extra:
            image: redis
        """);
    var r =
        read(
            "compose.yaml",
            """
        services:
          web:
            image: nginx:1.27
            mem_limit: 256m
            ports: ["443:443"]
        """,
            ComposeReader.Options.DEFAULT);
    noProblems(r);
    ContainerSpec web = service(r, "web");
    assertEquals("256m", web.memory().value());
    assertEquals(2, web.ports().size());
    assertEquals("compose.override.yaml", fileOf(web.privileged().span()));
    assertEquals("4:5-4:21", web.privileged().span().toString());
    assertEquals("compose.yaml", fileOf(web.span()));
    assertEquals("compose.yaml", fileOf(web.ports().get(0).span()));
    assertEquals("compose.override.yaml", fileOf(web.ports().get(1).span()));
    assertEquals("compose.override.yaml", fileOf(service(r, "extra").span()));
    assertTrue(r.otherTexts().containsKey("compose.override.yaml"));
    assertEquals(
        dir.resolve("compose.yaml"),
        ComposeReader.baseOf(
            dir.resolve("compose.override.yaml"), dev.hardock.io.DiskAccess.forPath(dir)));
  }

  @Test
  void extendsInTheSameFileAndAnother() throws IOException {
    write(
        "common/base.yml",
        """
        services:
          hardened:
            read_only: true
            cap_drop: [ALL]
            mem_limit: 128m
        """);
    var r =
        read(
            "compose.yaml",
            """
        services:
          base:
            image: app:1
            privileged: true
          a:
            extends: base
            user: app
          b:
            extends:
              file: common/base.yml
              service: hardened
            image: app:2
          c:
            extends: missing
        """,
            ComposeReader.Options.DEFAULT);
    ContainerSpec a = service(r, "a");
    assertEquals("app:1", a.image().ref().raw());
    assertEquals("4:5-4:21", a.privileged().span().toString());
    assertEquals("app", a.user().value());
    ContainerSpec b = service(r, "b");
    assertEquals("128m", b.memory().value());
    assertEquals(Path.of("common/base.yml").toString(), fileOf(b.memory().span()));
    assertEquals(1, r.problems().size());
    assertEquals("14:14-14:21", r.problems().get(0).span().toString());
  }

  @Test
  void includeAddsServices() throws IOException {
    write(
        "db/db.yaml",
        """
        services:
          db:
            image: postgres
        """);
    var r =
        read(
            "compose.yaml",
            """
        include:
          - db/db.yaml
        services:
          web:
            image: nginx:1
        """,
            ComposeReader.Options.DEFAULT);
    noProblems(r);
    ContainerSpec db = service(r, "db");
    assertEquals(Path.of("db/db.yaml").toString(), fileOf(db.image().span()));
  }

  @Test
  void buildIsLinkedToItsDockerfile() throws IOException {
    write(
        "app/Dockerfile",
        """
        FROM node:22 AS build
        USER node
        FROM build
        RUN true
        """);
    write(
        "root/Dockerfile.prod",
        """
        FROM alpine:3.20
        ARG U=nobody
        USER ${U}
        """);
    write("none/Dockerfile", "FROM alpine:3.20\n");
    var r =
        read(
            "compose.yaml",
            """
        services:
          a:
            build: ./app
          b:
            build:
              context: root
              dockerfile: Dockerfile.prod
              args:
                NPM_TOKEN: abc123secret
                PLAIN:
          c:
            build: none
          d:
            build: missing
          e:
            build:
              dockerfile_inline: |
                FROM alpine:3.20
                USER 1000
          f:
            build: https://github.com/docker/app.git
        """,
            ComposeReader.Options.DEFAULT);
    noProblems(r);
    var a = service(r, "a").build();
    assertEquals("node", a.imageUser());
    assertEquals("2:6-2:10", a.imageUserSpan().toString());
    assertEquals(Path.of("app/Dockerfile").toString(), fileOf(a.imageUserSpan()));
    assertEquals("3:5-3:17", a.span().toString());
    var b = service(r, "b").build();
    assertEquals("nobody", b.imageUser());
    assertEquals(
        dir.resolve("root/Dockerfile.prod").normalize(),
        b.dockerfile().toAbsolutePath().normalize());
    assertEquals("", service(r, "c").build().imageUser());
    assertNull(service(r, "d").build().imageUser());
    assertEquals("1000", service(r, "e").build().imageUser());
    assertNull(service(r, "f").build().context());
    List<BuildArg> args = r.buildArgs();
    assertEquals(2, args.size());
    assertEquals("9:9-9:32", args.get(0).span().toString());
    assertEquals("b", args.get(0).container());
    assertNull(args.get(1).value());
  }

  @Test
  void badInputBecomesProblemsWithPositions() throws IOException {
    assertProblem(read("services: [1\n  x: 2\n"), "invalid YAML");
    assertProblem(read("- a\n- b\n"), "a compose file should be a mapping");
    assertProblem(read("services: 3\n"), "services should be a mapping");
    var wrongType =
        read(
            """
        services:
          a:
            privileged: [1]
          b:
            privileged: maybe
          c:
            image: ok:1
            privileged: true
        """);
    assertEquals(2, wrongType.problems().size());
    assertEquals("3:17-3:20", wrongType.problems().get(0).span().toString());
    assertEquals(
        true, service(wrongType, "c").privileged().value()); // the other services are still read
    assertProblem(read("a: 1\na: 2\n"), "duplicate key");
    assertProblem(read("services:\n  a:\n    image: *nope\n"), "refers to no anchor");
  }

  @Test
  void bombsAndDeepNestingAreBounded() throws IOException {
    StringBuilder bomb =
        new StringBuilder("x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append("x-")
          .append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append(", *")
          .append(p)
          .append("]\n");
    }
    bomb.append("x-m: &m {<<: [*j]}\nservices:\n  s:\n    volumes: *j\n    <<: *m\n");
    long t = System.nanoTime();
    var r = read(bomb.toString());
    assertTrue((System.nanoTime() - t) / 1_000_000 < 5000);
    assertFalse(r.problems().isEmpty());
    String deep = "services:\n  a:\n    labels: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertProblem(read(deep), "nests deeper");
  }

  private static void assertProblem(ComposeReader.Result r, String text) {
    assertFalse(r.problems().isEmpty(), "expected a problem: " + text);
    ParseProblem p = r.problems().get(0);
    assertTrue(p.message().contains(text), p.message());
  }

  @Test
  void fileNames() {
    for (String n :
        List.of(
            "compose.yaml",
            "compose.yml",
            "docker-compose.yaml",
            "docker-compose.yml",
            "compose.override.yaml",
            "docker-compose.override.yml",
            "docker-compose.prod.yml",
            "compose.dev.yaml",
            "bad.compose.yaml",
            "good.compose.yml",
            "Docker-Compose.YML")) {
      assertTrue(ComposeReader.isComposeName(n), n);
    }
    for (String n :
        List.of(
            "values.yaml",
            "composer.json",
            "compose.json",
            "docker-compose",
            ".compose.yaml.bak")) {
      assertFalse(ComposeReader.isComposeName(n), n);
    }
    assertTrue(ComposeReader.looksLikeCompose("# x\nversion: '3'\nservices:\n  a: {}\n"));
    assertFalse(ComposeReader.looksLikeCompose("jobs:\n  services:\n"));
  }

  @Test
  void fileSecretsAndConfigsAreReadOnlyBindMountsAtTheirTargets() throws IOException {
    var r =
        read(
            """
        services:
          app:
            image: alpine:3.20
            secrets:
              - db
              - source: db
                target: db_copy
              - source: api
                target: /etc/api/key
              - env_only
            configs: [conf]
        secrets:
          db: {file: ./db.txt}
          api:
            file: ${KEY_DIR:-/keys}/api.key
          env_only: {environment: TOKEN}
        configs:
          conf:
            file: /etc/app.conf
        """);
    noProblems(r);
    List<String> mounts =
        service(r, "app").mounts().stream()
            .map(
                m ->
                    m.type()
                        + " "
                        + m.source().value()
                        + "@"
                        + m.source().span()
                        + " -> "
                        + m.target().value()
                        + " ro="
                        + m.isReadOnly()
                        + " @"
                        + m.span())
            .toList();
    assertEquals(
        List.of(
            "BIND ./db.txt@13:14-13:22 -> /run/secrets/db ro=true @5:9-5:11",
            "BIND ./db.txt@13:14-13:22 -> /run/secrets/db_copy ro=true @6:9-7:24",
            "BIND /keys/api.key@15:11-15:36 -> /etc/api/key ro=true @8:9-9:29",
            "BIND /etc/app.conf@19:11-19:24 -> /conf ro=true @11:15-11:19"),
        mounts);
  }

  @Test
  void deployRestartPolicyIsAppliedInsteadOfRestart() throws IOException {
    var r =
        read(
            """
        services:
          a:
            image: alpine:3.20
            restart: always
            deploy:
              restart_policy:
                condition: on-failure
                max_attempts: 3
          b:
            image: alpine:3.20
            deploy:
              restart_policy: {delay: 5s}
          c:
            image: alpine:3.20
            restart: unless-stopped
        """);
    noProblems(r);
    assertEquals(
        "on-failure:3@7:9-7:30",
        service(r, "a").restart().value() + "@" + service(r, "a").restart().span());
    assertEquals(
        "any@12:7-12:21",
        service(r, "b").restart().value() + "@" + service(r, "b").restart().span());
    assertEquals("unless-stopped", service(r, "c").restart().value());
  }

  @Test
  void everyDocumentIsReadAndAListDocumentIsAProblemAtItsPosition() throws IOException {
    var r =
        read(
            """
        services:
          a:
            image: alpine:3.20
        ---
        services:
          b:
            image: redis:7
        ---
        - not a compose document
        """);
    assertEquals(List.of("a", "b"), r.containers().stream().map(ContainerSpec::name).toList());
    assertEquals(1, r.problems().size());
    assertEquals("9:1-9:25", r.problems().get(0).span().toString());
    // an anchor belongs to its own document: a later alias to it is a problem, not a silent reuse
    r =
        read(
            """
        services:
          a: &svc
            image: alpine:3.20
        ---
        services:
          b: *svc
        """);
    assertEquals(1, r.problems().size(), r.problems()::toString);
    assertEquals("6:6-6:10", r.problems().get(0).span().toString());
    // invalid YAML in a later document: the documents before it are still read
    r =
        read(
            """
        services:
          a:
            image: alpine:3.20
        ---
        services:
          b: [unclosed
        """);
    assertEquals(List.of("a"), r.containers().stream().map(ContainerSpec::name).toList());
    assertEquals(1, r.problems().size(), r.problems()::toString);
  }

  @Test
  void environmentValuesKeepTheWrittenValueAndTheResolvedOne() throws IOException {
    write(".env", "TRUST=0\nTOKEN=s3cr3t-value\n");
    var r =
        read(
            """
        services:
          a:
            image: alpine:3.20
            environment:
              DOCKER_CONTENT_TRUST: ${TRUST}
              API_TOKEN: $TOKEN
              PLAIN: x
              UNKNOWN: ${NOPE}
        """);
    List<String> env =
        service(r, "a").env().stream()
            .map(e -> e.name().value() + "=" + e.value().value() + "|" + e.resolved())
            .toList();
    assertEquals(
        List.of(
            "DOCKER_CONTENT_TRUST=${TRUST}|0",
            "API_TOKEN=$TOKEN|s3cr3t-value",
            "PLAIN=x|null",
            "UNKNOWN=${NOPE}|null"),
        env);
  }

  @Test
  void unknownKeysOfTheFileAndItsOverrideAreFoundWhereTheyStand() throws IOException {
    write(
        "compose.override.yaml",
        """
        services:
          web:
            cap_dorp: [ALL]
        """);
    write(
        "other.yaml",
        """
        services:
          base:
            privilegd: true
        """);
    var r =
        read(
            "compose.yaml",
            """
        services:
          web:
            image: nginx:1.27
            read_onyl: true
            extends: {file: other.yaml, service: base}
            x-mine: {anything: 1}
            environment: {read_onyl: "a name, not a key"}
        """,
            ComposeReader.Options.DEFAULT);
    assertEquals(2, r.unknownKeys().size(), r.unknownKeys().toString());
    ParseProblem own = r.unknownKeys().get(0);
    assertEquals("unknown key read_onyl in service web (did you mean read_only?)", own.message());
    assertEquals(4, own.span().line());
    assertEquals(5, own.span().column());
    assertEquals("compose.yaml", fileOf(own.span()));
    ParseProblem over = r.unknownKeys().get(1);
    assertEquals("unknown key cap_dorp in service web (did you mean cap_drop?)", over.message());
    assertEquals("compose.override.yaml", fileOf(over.span()));
  }

  @Test
  void namedVolumeBindIsABindMountOfItsDevice() throws IOException {
    var r =
        read(
            """
        services:
          app:
            image: alpine:3.20
            volumes: ["conf:/conf", "plain:/plain"]
        volumes:
          conf:
            driver_opts: {type: none, o: "bind,ro", device: /etc/app}
          plain: {}
        """);
    noProblems(r);
    Mount conf = service(r, "app").mounts().get(0);
    assertEquals(Mount.Type.BIND, conf.type());
    assertEquals("/etc/app", conf.source().value());
    assertEquals(7, conf.source().span().line());
    assertTrue(conf.isReadOnly());
    assertEquals(4, conf.span().line());
    assertEquals(Mount.Type.VOLUME, service(r, "app").mounts().get(1).type());
  }

  /** The file a span stands in, as shown: every span names the file whose text it was made from. */
  private static String fileOf(dev.hardock.model.Span span) {
    return span.file().displayPath();
  }

  @Test
  void labelsUlimitsAndLoggingWithPositions() throws IOException {
    write(".env", "OWNER=platform\n");
    var r =
        read(
            """
        services:
          a:
            labels:
              com.acme.owner: ${OWNER}
              com.acme.tier: web
            label_file: ./labels
            ulimits:
              nproc: 65535
              nofile:
                soft: 20000
                hard: 40000
            logging:
              driver: syslog
              options:
                syslog-address: "tcp://10.0.0.1:514"
          b:
            labels:
              - com.acme.owner=a
              - com.acme.beta
              - com.acme.owner=b
            ulimits: {core: "${CORE}"}
        """);
    noProblems(r);
    ContainerSpec a = service(r, "a");
    assertEquals(2, a.labels().size());
    assertEquals("com.acme.owner", a.labels().get(0).key().value());
    assertEquals("4:7-4:21", a.labels().get(0).key().span().toString());
    assertEquals("platform", a.labels().get(0).value().value()); // interpolated
    assertEquals("4:23-4:31", a.labels().get(0).value().span().toString());
    assertEquals("4:7-4:31", a.labels().get(0).span().toString());
    assertEquals("./labels", a.labelFiles().get(0).value());
    assertEquals("6:5-6:25", a.labelFiles().get(0).span().toString());
    assertEquals(2, a.ulimits().size());
    var nproc = a.ulimits().get(0);
    assertEquals("nproc", nproc.name().value());
    assertEquals("65535", nproc.soft().value());
    assertEquals("65535", nproc.hard().value());
    assertEquals("8:14-8:19", nproc.soft().span().toString());
    var nofile = a.ulimits().get(1);
    assertEquals("20000", nofile.soft().value());
    assertEquals("11:15-11:20", nofile.hard().span().toString());
    assertEquals("40000", nofile.hard().value());
    assertEquals("syslog", a.logging().driver().value());
    assertEquals("13:7-13:21", a.logging().driver().span().toString());
    assertEquals("12:5-12:12", a.logging().span().toString());
    assertEquals("syslog-address", a.logging().options().get(0).key().value());
    assertEquals("tcp://10.0.0.1:514", a.logging().options().get(0).value().value());
    ContainerSpec b = service(r, "b");
    // one per key, the last written: as Compose applies a list
    assertEquals(
        List.of("com.acme.beta", "com.acme.owner"),
        b.labels().stream().map(l -> l.key().value()).toList());
    assertEquals("b", b.labels().get(1).value().value());
    assertEquals("20:9-20:25", b.labels().get(1).span().toString());
    assertNull(b.labels().get(0).value());
    assertEquals("${CORE}", b.ulimits().get(0).soft().value()); // unknown: as written
    assertNull(b.logging());
    assertTrue(b.labelFiles().isEmpty());
  }
}
