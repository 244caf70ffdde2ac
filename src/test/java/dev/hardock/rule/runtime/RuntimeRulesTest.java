package dev.hardock.rule.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.container.BuildRef;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Findings;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleOptions;
import dev.hardock.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases the run-line fixtures cannot show: a compose build whose image runs as root, severities. */
class RuntimeRulesTest {
  static List<Finding> run(Rule rule, ContainerSpec c) {
    Findings out = new Findings("x", c.source(), Map.of());
    rule.bind(out, RuleOptions.NONE);
    rule.check(c);
    return out.all();
  }

  static ContainerSpec.Builder service(String imageUser, String user) {
    ContainerSpec.Builder b =
        new ContainerSpec.Builder(SourceKind.COMPOSE, "web", new Span(2, 3, 2, 6));
    b.build =
        new BuildRef(
            Path.of("app"),
            Path.of("app/Dockerfile"),
            new Span(3, 5, 3, 10),
            imageUser,
            imageUser == null ? null : new Span(7, 1, 7, 10));
    if (user != null) b.user = new Setting<>(user, new Span(4, 11, 4, 15));
    return b;
  }

  @Test
  void imageBuiltToRunAsRootIsReportedAtTheBuild() {
    List<Finding> f = run(new RunsAsRoot(), service("", null).build());
    assertEquals(1, f.size());
    assertEquals(new Span(3, 5, 3, 10), f.get(0).span());
    assertEquals(
        "container runs as root: the final stage of Dockerfile:7 never sets USER and no user is set here",
        f.get(0).message());
    assertEquals(1, run(new RunsAsRoot(), service("0:0", null).build()).size());
  }

  @Test
  void aNonRootUserOnEitherSideOrAnUnknownImageIsFine() {
    assertTrue(run(new RunsAsRoot(), service("app", null).build()).isEmpty());
    assertTrue(run(new RunsAsRoot(), service("", "1000").build()).isEmpty());
    assertTrue(run(new RunsAsRoot(), service(null, null).build()).isEmpty());
    assertEquals(
        new Span(4, 11, 4, 15),
        run(new RunsAsRoot(), service("app", "root").build()).get(0).span());
  }

  @Test
  void rawDevicesAreErrors() {
    ContainerSpec.Builder b = new ContainerSpec.Builder(SourceKind.RUN, "docker run", Span.START);
    b.devices.add(new Setting<>("/dev/kmem", Span.START));
    b.devices.add(new Setting<>("/dev/ttyUSB0:/dev/ttyUSB0", Span.START));
    List<Finding> f = run(new HostDevice(), b.build());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertEquals(Severity.WARNING, f.get(1).severity());
  }

  static List<String> messages(Rule rule, String script) {
    List<String> out = new java.util.ArrayList<>();
    var r =
        dev.hardock.source.run.RunLineReader.read(
            dev.hardock.model.SourceFile.of(Path.of("run.sh"), "run.sh", script, SourceKind.RUN));
    for (ContainerSpec c : r.containers())
      for (Finding f : run(rule, c))
        out.add(f.help() == null ? f.message() : f.message() + ": " + f.help());
    return out;
  }

  @Test
  void portMessagesNameWhatWasWritten() {
    Rule rule = new PortOnAllInterfaces();
    assertEquals(
        List.of(
            "-P publishes every port the image exposes on all host interfaces: publish the ports you need on an address"
                + " instead, e.g. -p 127.0.0.1:8080:80",
            "--publish-all publishes every port the image exposes on all host interfaces: publish the ports you need on"
                + " an address instead, e.g. -p 127.0.0.1:8080:80",
            "-P publishes every port the image exposes on all host interfaces: publish the ports you need on an address"
                + " instead, e.g. -p 127.0.0.1:8080:80",
            "ports 8000-8010:8000-8010 are published on all host interfaces: bind them to an address, e.g."
                + " 127.0.0.1:8000-8010:8000-8010",
            "ports 0.0.0.0:8000-8010:8000-8010/udp are published on all host interfaces: bind them to an address, e.g."
                + " 127.0.0.1:8000-8010:8000-8010/udp",
            "port 80 is published on a random host port on all host interfaces: bind it to an address, e.g. 127.0.0.1::80",
            "ports 80-81 are published on random host ports on all host interfaces: bind them to an address, e.g."
                + " 127.0.0.1::80-81",
            "port [::]:8080:80 is published on all host interfaces: bind it to an address, e.g. 127.0.0.1:8080:80",
            "port 0.0.0.0::80 is published on a random host port on all host interfaces: bind it to an address, e.g."
                + " 127.0.0.1::80"),
        messages(
            rule,
            """
            docker run -P x
            docker run --publish-all x
            docker run -dP x
            docker run -p 8000-8010:8000-8010 x
            docker run -p 0.0.0.0:8000-8010:8000-8010/udp x
            docker run -p 80 x
            docker run -p 80-81 x
            docker run -p [::]:8080:80/tcp x
            docker run -p 0.0.0.0::80 x
            """));
  }

  @Test
  void composePortsKeepTheirHostRange() {
    ContainerSpec.Builder b = new ContainerSpec.Builder(SourceKind.COMPOSE, "web", Span.START);
    b.ports.add(
        new dev.hardock.model.container.PortMapping(
            null, 8000, "8000-8010", "tcp", Span.START, "8000-8010", null));
    b.ports.add(new dev.hardock.model.container.PortMapping(null, 8081, "80", "tcp", Span.START));
    List<Finding> f = run(new PortOnAllInterfaces(), b.build());
    assertEquals(
        "ports 8000-8010:8000-8010 are published on all host interfaces", f.get(0).message());
    assertEquals("bind them to an address, e.g. 127.0.0.1:8000-8010:8000-8010", f.get(0).help());
    assertEquals("port 8081:80 is published on all host interfaces", f.get(1).message());
    assertEquals("bind it to an address, e.g. 127.0.0.1:8081:80", f.get(1).help());
  }

  @Test
  void pathsAreNormalised() {
    assertEquals("/etc", SensitivePaths.normalize("//etc/./x/../"));
    assertTrue(SensitivePaths.isRoot("/usr/.."));
    assertTrue(SensitivePaths.isSensitive("/var/lib/docker/volumes"));
    assertFalse(SensitivePaths.isSensitive("/var/run/docker.sock"));
    assertTrue(SensitivePaths.isEngineSocket("//var/run/docker.sock"));
    assertFalse(SensitivePaths.isSensitive("./etc"));
    assertTrue(Capabilities.isDangerous("cap_sys_admin"));
    assertEquals(
        new SecurityOption("seccomp", "unconfined"), SecurityOption.parse("seccomp:unconfined"));
  }
}
