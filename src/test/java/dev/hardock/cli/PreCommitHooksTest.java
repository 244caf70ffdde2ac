package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.Discovery;
import dev.hardock.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * .pre-commit-hooks.yaml: the hooks exist, run the launcher, and their file patterns select exactly the names
 * hardock recognises as Dockerfiles and compose files (pre-commit applies them with Python's re.search on the
 * repository-relative path). test/precommit/run.sh runs the hooks for real.
 */
class PreCommitHooksTest {
  static final List<String> NAMES =
      List.of(
          "Dockerfile",
          "dockerfile",
          "Dockerfile.prod",
          "Dockerfile-dev",
          "Dockerfile.md",
          "api.Dockerfile",
          "web.dockerfile",
          "Containerfile",
          "Containerfile.dev",
          "app.containerfile",
          "Dockerfiles",
          "MyDockerfile",
          "compose.yaml",
          "compose.yml",
          "compose.override.yaml",
          "compose.prod.yaml",
          "docker-compose.yml",
          "docker-compose.override.yml",
          "docker-compose-dev.yml",
          "docker-compose.prod.yaml",
          "app.compose.yaml",
          "app__compose.yaml",
          "app__docker-compose.yml",
          "app.docker-compose.yml",
          ".compose.yaml",
          "composer.yaml",
          "compose-dev.yaml",
          "compose.json",
          "config.yaml",
          "README.md",
          "run.sh",
          "Makefile");

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> hooks() throws IOException {
    Object doc =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(Path.of(".pre-commit-hooks.yaml")));
    assertInstanceOf(List.class, doc);
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Object o : (List<Object>) doc) {
      Map<String, Object> h = (Map<String, Object>) o;
      out.put((String) h.get("id"), h);
    }
    return out;
  }

  @Test
  void hooksRunTheLauncher() throws IOException {
    Map<String, Map<String, Object>> hooks = hooks();
    assertEquals(
        java.util.Set.of(
            "hardock",
            "hardock-compose",
            "hardock-run-lines",
            "hardock-devcontainer",
            "hardock-quadlet",
            "hardock-systemd",
            "hardock-ansible"),
        hooks.keySet());
    for (Map<String, Object> h : hooks.values()) {
      assertEquals("script", h.get("language"), h.toString());
      String entry = (String) h.get("entry");
      assertTrue(entry.startsWith("hardock "), entry);
      assertTrue(
          Files.isExecutable(Path.of(entry.split(" ")[0])),
          "entry is not an executable of this repository");
      assertTrue(
          h.get("name") instanceof String && h.get("description") instanceof String, h.toString());
      // the --type in the entry is a kind hardock knows
      String type = entry.replaceAll(".*--type (\\w+).*", "$1");
      assertTrue(
          List.of("dockerfile", "compose", "run", "devcontainer", "quadlet", "systemd", "ansible")
              .contains(type),
          entry);
    }
    assertEquals(List.of("yaml"), hooks.get("hardock-compose").get("types"));
    assertEquals(
        List.of("shell", "markdown", "makefile"), hooks.get("hardock-run-lines").get("types_or"));
    // the hooks of the other container sources select exactly the names hardock gives their kinds
    for (String[] c :
        new String[][] {
          {"hardock-devcontainer", "devcontainer"},
          {"hardock-quadlet", "quadlet"},
          {"hardock-systemd", "systemd"}
        }) {
      java.util.regex.Pattern files =
          java.util.regex.Pattern.compile((String) hooks.get(c[0]).get("files"));
      for (String n :
          List.of(
              ".devcontainer/devcontainer.json",
              ".devcontainer.json",
              "a/.devcontainer/go/devcontainer.json",
              "bad.devcontainer.json",
              "devcontainer.json.bak",
              "web.container",
              "deploy/web.container",
              "a.containerfile",
              "app.service",
              "etc/app.service",
              "app.service.d",
              "package.json")) {
        dev.hardock.model.SourceKind k =
            dev.hardock.engine.Discovery.kindOf(Path.of(n).getFileName().toString());
        boolean wanted = k != null && k.id().equals(c[1]);
        assertEquals(wanted, files.matcher(n).find(), c[0] + " on " + n);
      }
    }
  }

  @Test
  void filePatternsSelectExactlyTheNamesHardockRecognises() throws IOException {
    Map<String, Map<String, Object>> hooks = hooks();
    Pattern dockerfile = Pattern.compile((String) hooks.get("hardock").get("files"));
    Pattern compose = Pattern.compile((String) hooks.get("hardock-compose").get("files"));
    for (String name : NAMES) {
      for (String path : List.of(name, "deploy/" + name, "a/b c/" + name)) {
        SourceKind kind = Discovery.kindOf(name);
        assertEquals(
            kind == SourceKind.DOCKERFILE,
            dockerfile.matcher(path).find(),
            "Dockerfile hook on " + path);
        assertEquals(
            kind == SourceKind.COMPOSE, compose.matcher(path).find(), "compose hook on " + path);
      }
    }
    // a folder with a telling name does not make its files match
    assertTrue(
        !dockerfile.matcher("Dockerfile.d/notes.txt").find()
            && !compose.matcher("compose.d/x.yaml").find());
  }

  /**
   * The Ansible hook takes the YAML files that only their content can make Ansible: exactly those that hardock
   * does not give another kind by their name or folder (Discovery), in any folder.
   */
  @Test
  void theAnsibleHookTakesTheYamlFilesNoNameMakesAnotherKind() throws IOException {
    Map<String, Object> hook = hooks().get("hardock-ansible");
    assertEquals(List.of("yaml"), hook.get("types"));
    assertEquals(null, hook.get("files"));
    Pattern exclude = Pattern.compile((String) hook.get("exclude"));
    for (String name :
        List.of(
            "site.yml",
            "playbook.yaml",
            "roles/web/tasks/main.yml",
            "compose.yaml",
            "docker-compose.prod.yml",
            "app__compose.yaml",
            "composer.yaml",
            ".gitlab-ci.yml",
            "ci/build.gitlab-ci.yml",
            "gitlab-ci.yml",
            "release.workflow.yml",
            "action.yml",
            ".github/actions/x/action.yaml",
            "transaction.yml",
            ".github/workflows/ci.yml",
            "workflows/ci.yml",
            ".github/workflows/sub/ci.yml",
            "x.daemon.yaml")) {
      for (String path : List.of(name, "infra/" + name)) {
        SourceKind kind = Discovery.kindOfBuffer(Path.of(path), "");
        assertEquals(kind == null, !exclude.matcher(path).find(), "Ansible hook on " + path);
      }
    }
  }
}
