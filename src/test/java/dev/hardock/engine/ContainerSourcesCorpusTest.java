package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Real dev containers, Quadlet units, systemd services and Ansible tasks ({@code testdata/sources}, origins in
 * its ORIGIN.md): found by the walk as their kinds, no HD001 on any, and the security decisions they make found.
 */
class ContainerSourcesCorpusTest {
  @Test
  void realSamplesParseAndTheirDecisionsAreFound() {
    Discovery.Found found = Discovery.find(List.of("testdata/sources"), null);
    found.targets().removeIf(t -> t.displayPath().endsWith("ORIGIN.md"));
    Map<String, SourceKind> kinds = new TreeMap<>();
    for (Target t : found.targets()) kinds.put(t.displayPath(), t.kind());
    assertEquals(
        new TreeMap<>(
            Map.ofEntries(
                Map.entry("testdata/sources/ansible/calibre.yml", SourceKind.ANSIBLE),
                Map.entry("testdata/sources/ansible/etcd.yml", SourceKind.ANSIBLE),
                Map.entry(
                    "testdata/sources/devcontainer/docker-in-docker/devcontainer.json",
                    SourceKind.DEVCONTAINER),
                Map.entry(
                    "testdata/sources/devcontainer/go-postgres/devcontainer.json",
                    SourceKind.DEVCONTAINER),
                Map.entry(
                    "testdata/sources/devcontainer/kubernetes-helm-minikube/devcontainer.json",
                    SourceKind.DEVCONTAINER),
                Map.entry(
                    "testdata/sources/devcontainer/podman-in-podman/devcontainer.json",
                    SourceKind.DEVCONTAINER),
                Map.entry("testdata/sources/quadlet/sleep@.container", SourceKind.QUADLET),
                Map.entry("testdata/sources/quadlet/startup-task.container", SourceKind.QUADLET),
                Map.entry("testdata/sources/quadlet/test.container", SourceKind.QUADLET),
                Map.entry("testdata/sources/systemd/docker-app.service", SourceKind.SYSTEMD),
                Map.entry("testdata/sources/systemd/my-docker-service.service", SourceKind.SYSTEMD),
                Map.entry("testdata/sources/systemd/redis.service", SourceKind.SYSTEMD))),
        kinds);
    Map<String, TreeSet<String>> rules = new TreeMap<>();
    for (FileResult r : new Linter(LintSettings.DEFAULT).lint(found.targets(), 1)) {
      for (Finding f : r.findings()) {
        assertTrue(
            !f.rule().id().equals("HD001") && !f.rule().id().equals("HD002"),
            f.file() + ": " + f.message());
        rules
            .computeIfAbsent(r.displayPath().replace("testdata/sources/", ""), k -> new TreeSet<>())
            .add(f.rule().id());
      }
    }
    assertTrue(
        rules
            .get("devcontainer/podman-in-podman/devcontainer.json")
            .containsAll(List.of("HD101", "HD115", "HD005")),
        rules.toString());
    assertTrue(
        rules.get("ansible/calibre.yml").containsAll(List.of("HD104", "HD126")), rules.toString());
    assertTrue(rules.get("ansible/etcd.yml").contains("HD124"), rules.toString());
    assertTrue(rules.get("quadlet/test.container").contains("HD201"), rules.toString());
    assertTrue(rules.get("systemd/docker-app.service").contains("HD126"), rules.toString());
    // a unit that starts an existing container defines none; a removed container (state: absent)
    // neither
    assertTrue(!rules.containsKey("systemd/my-docker-service.service"), rules.toString());
  }
}
