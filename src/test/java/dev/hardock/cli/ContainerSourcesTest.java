package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The container sources beyond run lines and compose, end to end through the command line: found by a folder
 * walk, linked to the files they name, suppressions in their own comment syntax, syntax errors as HD001.
 */
class ContainerSourcesTest extends ProjectTest {
  /** gnu lines of a run, relative to the repository, only those of the given rules. */
  String lint(String path, String... rules) {
    MainTest.Run r =
        ConfigBaselineStdinTest.run(
            "", "-f", "gnu", "--enable", "HD004", dir.resolve(path).toString());
    String root = dir.resolve("repo") + "/";
    return String.join(
        "\n",
        Arrays.stream(r.out().split("\n"))
            .filter(l -> Arrays.stream(rules).anyMatch(id -> l.contains("[" + id + " ")))
            .map(l -> l.replace(root, ""))
            .toList());
  }

  @Test
  void devContainerBuildsItsDockerfileAndLintsItsComposeFiles() throws IOException {
    write(
        "repo/.devcontainer/Dockerfile",
        "FROM mcr.microsoft.com/devcontainers/base:1-ubuntu\nRUN apt-get update\n");
    write(
        "repo/.devcontainer/devcontainer.json",
        """
        {
          // the image it builds never sets USER
          "build": {"dockerfile": "Dockerfile", "context": ".."},
        }
        """);
    write(
        "repo/.devcontainer/compose/devcontainer.json",
        """
        {
          "dockerComposeFile": ["../../compose.dev.yml", "missing.yml"],
          "service": "app",
          "privileged": true
        }
        """);
    write(
        "repo/compose.dev.yml",
        "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
    // the compose-based one sets no limit here, but its service may: no HD120 for it, one for the
    // other
    assertEquals(
        String.join(
            "\n",
            ".devcontainer/compose/devcontainer.json:4:3: error: container runs privileged: it gets every capability and every host device [HD101 privileged]",
            ".devcontainer/devcontainer.json:3:4: warning: container runs as root: the final stage of Dockerfile:1 never sets USER and no user is set here [HD119 runs-as-root]",
            ".devcontainer/devcontainer.json:3:4: warning: no memory limit [HD120 memory-limit-missing]",
            "compose.dev.yml:2:3: warning: no memory limit [HD120 memory-limit-missing]",
            "compose.dev.yml:4:5: error: container runs privileged: it gets every capability and every host device [HD101 privileged]"),
        lint("repo/.devcontainer", "HD119", "HD101", "HD120"));
    String compose = lint("repo/.devcontainer/compose/devcontainer.json", "HD005");
    assertTrue(
        compose.contains(
            "devcontainer.json:2:50: info: .devcontainer/compose/missing.yml is not read"),
        compose);
    // named alone (as pre-commit passes staged files) it brings in no other file
    assertEquals(
        "",
        lint("repo/.devcontainer/compose/devcontainer.json", "HD101")
            .lines()
            .filter(l -> l.startsWith("compose"))
            .findFirst()
            .orElse(""));
  }

  @Test
  void devContainerSuppressionsAndSyntaxErrors() throws IOException {
    write(
        "repo/.devcontainer.json",
        """
        {
          "image": "alpine:3.20",
          // hardock-ignore HD101: needs KVM for the emulator
          "privileged": true,
          "capAdd": ["SYS_ADMIN"], // hardock-ignore dangerous-capability: fuse
          // hardock-ignore HD106: nothing here
          "init": true
        }
        """);
    assertEquals(
        ".devcontainer.json:6:21: info: suppression of HD106 host-network matches no finding: remove it [HD004 unused-suppression]",
        lint("repo/.devcontainer.json", "HD101", "HD111", "HD004"));
    write(
        "repo/.devcontainer.json",
        "{\n  \"image\": \"alpine:3.20\",\n  \"runArgs\": [\"--init\" \"--rm\"]\n}\n");
    assertEquals(
        ".devcontainer.json:3:24: error: invalid dev container JSON: expected ',' or ']' [HD001 parse-error]",
        lint("repo/.devcontainer.json", "HD001"));
  }

  @Test
  void devContainerBlockCommentsSuppressToo() throws IOException {
    write(
        "repo/.devcontainer.json",
        String.join(
            "\n",
            "{",
            "  \"image\": \"alpine:3.20\",",
            "  /* hardock-ignore HD101: needs KVM */",
            "  \"privileged\": true,",
            "  \"capAdd\": [\"NET_ADMIN\"] /* hardock-ignore HD106: nothing here */",
            "}",
            ""));
    assertEquals(
        ".devcontainer.json:5:45: info: suppression of HD106 host-network matches no finding: remove it [HD004 unused-suppression]",
        lint("repo/.devcontainer.json", "HD101", "HD004"));
  }

  @Test
  void unitsAreFoundAndSuppressedInTheirOwnSyntax() throws IOException {
    write(
        "repo/deploy/web.container",
        String.join(
            "\n",
            "[Container]",
            "Image=docker.io/library/nginx:1.27",
            "; hardock-ignore HD106: the proxy needs the host's ports",
            "Network=host",
            "# hardock-ignore HD101: builds images inside",
            "PodmanArgs=--privileged \\",
            "  --device /dev/fuse",
            "AddCapability=SYS_ADMIN # not a comment: systemd reads it as part of the value",
            ""));
    write(
        "repo/deploy/app.service",
        "[Service]\nExecStart=/usr/bin/docker run --privileged -v /:/host app:1\n");
    write("repo/deploy/other.service", "[Service]\nExecStart=/usr/bin/sleep 10\n");
    assertEquals(
        String.join(
            "\n",
            "deploy/app.service:2:31: error: container runs privileged: it gets every capability and every host device [HD101 privileged]",
            "deploy/app.service:2:47: error: the host root / is mounted into /host: the container can read and change the whole host [HD102 host-root-mount]",
            "deploy/web.container:8:15: error: capability SYS_ADMIN is added: it lets the container break out of its isolation [HD111 dangerous-capability]"),
        lint("repo/deploy", "HD101", "HD102", "HD106", "HD111"));
  }

  @Test
  void ansibleYamlIsFoundByTheModulesItNames() throws IOException {
    write(
        "repo/roles/web/tasks/main.yml",
        String.join(
            "\n",
            "- name: web",
            "  community.docker.docker_container:",
            "    name: web",
            "    image: nginx:1.27",
            "    # hardock-ignore HD106: the proxy binds the host's ports",
            "    network_mode: host",
            "    privileged: true",
            ""));
    write("repo/site.yml", "- hosts: all\n  tasks:\n    - debug: msg=docker_container\n");
    write("repo/config/settings.yml", "privileged: true\n");
    assertEquals(
        "roles/web/tasks/main.yml:7:5: error: container runs privileged: it gets every capability and every host device [HD101 privileged]",
        lint("repo", "HD101", "HD106", "HD001"));
  }
}
