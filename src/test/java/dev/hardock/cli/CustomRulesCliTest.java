package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom rules through the whole command line: configuration errors, findings, and the rule's place everywhere. */
class CustomRulesCliTest {
  @TempDir Path dir;
  private String out;
  private String err;

  private static final String RULE =
      """
      custom-rules:
        - id: ACME001
          slug: approved-registry
          severity: error
          on: container
          when: 'has(container.image.name) && !container.image.name.startsWith("registry.acme.io/")'
          message: 'image {{container.image.text}} is not from registry.acme.io'
          at: container.image
          doc: |
            Only images built and scanned by the platform team may run.
        - id: ACME002
          slug: user-set
          on: container
          when: 'container.user == "root"'
          message: 'runs as root'
      """;

  @BeforeEach
  void isolate() {
    LintRun.env = Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
  }

  @AfterEach
  void restore() {
    LintRun.env = System.getenv();
  }

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            false);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  private void config(String yaml) throws Exception {
    Files.writeString(dir.resolve(".hardock.yaml"), yaml);
  }

  @Test
  void findingsAtTheirValueAndOneFindingForARuntimeFailure() throws Exception {
    config(RULE);
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    image: nginx:1.25\n  api:\n    image: registry.acme.io/api:1\n");
    assertEquals(1, run("-f", "gnu", "--fail-on", "error", dir.toString()));
    String shown = dir.resolve("compose.yaml").toString();
    assertTrue(
        out.contains(
            shown
                + ":3:12: error: image nginx:1.25 is not from registry.acme.io [ACME001 approved-registry]"),
        out);
    // container.user is absent on both services: one finding for the file, at the first, naming the
    // reason
    assertTrue(
        out.contains(
            shown
                + ":2:3: warning: custom rule ACME002 could not be evaluated on this container: key 'user' is not present in map [ACME002 user-set]"),
        out);
    assertEquals(1, out.lines().filter(l -> l.contains("ACME002")).count(), out);
  }

  /**
   * A command's arguments in a message are masked as the command line masks them: a value secret only because
   * of the option before it (curl -u, --password, mysql -p) too, also inside sh -c (found in review).
   */
  @Test
  void aMessageShowsACommandsArgumentsMaskedWithTheirOptions() throws Exception {
    config(
        """
        custom-rules:
          - id: ACME009
            slug: show-args
            on: instruction
            when: 'has(instruction.commands) && instruction.commands.size() > 0'
            message: '{{instruction.commands[0].name}} {{instruction.commands[0].args}} / {{instruction.commands.map(c, c.args)}}'
        """);
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM alpine\n"
            + "RUN curl -u admin:supersecretpw https://x\n"
            + "RUN docker login -u bob --password hunter2pass reg.io\n"
            + "RUN mysql -u root -pSup3rSecretPw db\n"
            + "RUN sh -c \"curl -u admin:anothersecret99 https://y\"\n");
    run("-f", "json", dir.toString());
    assertTrue(out.contains("ACME009"), out);
    for (String secret :
        List.of("supersecretpw", "hunter2pass", "Sup3rSecretPw", "anothersecret99"))
      assertFalse(out.contains(secret), secret + " in " + out);
    assertTrue(out.contains("curl -u, admin:"), out); // the rest stays readable
  }

  /**
   * A Dockerfile LABEL whose key names a secret is masked in the model and in a message, as a container's
   * label and an ENV of that name are (found in review: image.labels, stage.labels and the instruction's pairs
   * showed the value in full, while the instruction's args masked it).
   */
  @Test
  void aDockerfileLabelNamedAsASecretIsMasked() throws Exception {
    config(
        """
        custom-rules:
          - id: ACME010
            slug: show-labels
            on: image
            when: 'image.labels.size() > 0'
            message: '{{image.labels.map(l, l.value)}} {{image.stages[0].labels.map(l, l.value)}}'
        """);
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM alpine\nLABEL db_password=hunter2secret api_token=\"tok12345678\" team=web\n");
    run("-f", "json", dir.toString());
    String lint = out;
    assertTrue(lint.contains("ACME010"), lint);
    assertTrue(lint.contains("web"), lint); // a label of no secret's name stays readable
    run("model", dir.resolve("Dockerfile").toString());
    assertTrue(out.contains("\"team\""), out);
    for (String secret : List.of("hunter2secret", "tok12345678")) {
      assertFalse(lint.contains(secret), secret + " in " + lint);
      assertFalse(out.contains(secret), secret + " in " + out);
    }
  }

  /**
   * The items of a daemon.json list under a key that names a secret are masked, as a string under such a key
   * is (found in review: "api-tokens": ["..."] showed each item in full in hardock model and in a message).
   */
  @Test
  void aDaemonListNamedAsASecretIsMasked() throws Exception {
    config(
        """
        custom-rules:
          - id: ACME011
            slug: show-daemon
            on: daemon
            when: 'true'
            message: '{{daemon.settings["api-tokens"]}} {{daemon.settings.nested.settings.passwords}} {{daemon.settings.mirrors}}'
        """);
    Files.writeString(
        dir.resolve("daemon.json"),
        "{\"api-tokens\": [\"tok33334444\"], \"nested\": {\"passwords\": [\"pw77778888\", \"\"]},"
            + " \"mirrors\": [\"https://mirror.example\"]}\n");
    run("-f", "json", dir.toString());
    String lint = out;
    assertTrue(lint.contains("ACME011"), lint);
    assertTrue(
        lint.contains("https://mirror.example"), lint); // a list of no secret's name stays readable
    run("model", dir.resolve("daemon.json").toString());
    assertTrue(out.contains("https://mirror.example"), out);
    for (String secret : List.of("tok33334444", "pw77778888")) {
      assertFalse(lint.contains(secret), secret + " in " + lint);
      assertFalse(out.contains(secret), secret + " in " + out);
    }
  }

  @Test
  void aFindingInAnExtendedFileIsReportedThere() throws Exception {
    config(RULE);
    Files.createDirectories(dir.resolve("common"));
    Files.writeString(
        dir.resolve("common/base.yml"),
        "services:\n  base:\n    image: docker.io/library/nginx:1\n");
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    extends:\n      file: common/base.yml\n      service: base\n    user: app\n");
    run("-f", "gnu", dir.resolve("compose.yaml").toString());
    assertTrue(out.contains("common/base.yml:3:12: error: image docker.io/library/nginx:1"), out);
  }

  @Test
  void configurationErrorsPointInsideTheExpression() throws Exception {
    Path c = dir.resolve(".hardock.yaml");
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    String[][] cases = {
      {"    when: 'container.privileged &&'\n", ":5:35: ACME009: mismatched input '<EOF>'"},
      {
        "    when: |\n      container.privileged &&\n        contaner.user == \"root\"\n",
        ":7:9: ACME009: undeclared reference to 'contaner'"
      },
      {"    when: '\"a\" + \"b\"'\n", ":5:12: ACME009: the condition must be a bool, not string"},
      {"    when: 'image.user == \"x\"'\n", ":5:12: ACME009: undeclared reference to 'image'"},
    };
    for (String[] k : cases) {
      Files.writeString(
          c,
          "custom-rules:\n  - id: ACME009\n    slug: x\n    on: container\n"
              + k[0]
              + "    message: m\n");
      assertEquals(2, run(dir.toString()), k[0]);
      assertTrue(err.startsWith("hardock: " + c + k[1]), k[0] + " -> " + err + " expected " + k[1]);
    }
    Files.writeString(
        c,
        "custom-rules:\n  - id: ACME009\n    slug: x\n    on: container\n    when: 'true'\n    message: 'a {{container.}} b'\n");
    assertEquals(2, run(dir.toString()));
    assertTrue(err.startsWith("hardock: " + c + ":6:29: ACME009:"), err);
    Files.writeString(
        c,
        "custom-rules:\n  - id: HD999\n    slug: x\n    on: container\n    when: 'true'\n    message: m\n");
    assertEquals(2, run(dir.toString()));
    assertTrue(err.contains(":2:9: custom rule id 'HD999'"), err);
    Files.writeString(
        c,
        "custom-rules:\n  - id: ACME1\n    slug: latest-tag\n    on: container\n    when: 'true'\n    message: m\n");
    assertEquals(2, run(dir.toString()));
    assertTrue(err.contains("names a built-in rule"), err);
    Files.writeString(
        c,
        "custom-rules:\n  - id: ACME1\n    slug: x\n    on: pod\n    when: 'true'\n    message: m\n");
    assertEquals(2, run(dir.toString()));
    assertTrue(
        err.contains(":4:9: on must be container, image, stage, instruction or daemon"), err);
  }

  @Test
  void listExplainEnableDisableSeveritiesSuppressionsBaselineAndSarif() throws Exception {
    config(RULE + "rules:\n  ACME002: off\n  approved-registry: warning\n");
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    # hardock-ignore ACME001: vetted\n    image: nginx:1\n"
            + "  db:\n    image: postgres:16\n    user: root\n");
    assertEquals(0, run("--list-rules", dir.toString()));
    assertTrue(out.contains("ACME001  approved-registry"), out);
    assertTrue(
        out.lines().anyMatch(l -> l.startsWith("ACME002") && l.contains("Only") == false), out);
    assertEquals(0, run("--explain", "ACME001", dir.toString()));
    assertTrue(
        out.startsWith(
            "ACME001 approved-registry (error)\n\nOnly images built and scanned by the platform team may run."),
        out);
    run("-f", "gnu", dir.toString());
    assertTrue(
        out.contains(":6:12: warning: image postgres:16")
            && !out.contains(":4:12:")
            && !out.contains("ACME002"),
        out);
    run("-f", "gnu", "--enable", "ACME002", "--disable", "approved-registry", dir.toString());
    // web has no user: ACME002 cannot be evaluated there, which is itself its finding (not a silent
    // pass)
    assertTrue(
        out.contains(":2:3: warning: custom rule ACME002 could not be evaluated")
            && !out.contains("ACME001"),
        out);
    Path baseline = dir.resolve("baseline.json");
    run("--baseline", baseline.toString(), "--write-baseline", dir.toString());
    run("-f", "gnu", "--baseline", baseline.toString(), dir.toString());
    assertTrue(!out.contains("ACME"), out);
    run("-f", "sarif", dir.toString());
    JsonNode sarif = new ObjectMapper().readTree(out);
    JsonNode rule = null;
    for (JsonNode r : sarif.at("/runs/0/tool/driver/rules"))
      if (r.get("id").asText().equals("ACME001")) rule = r;
    assertTrue(rule != null, out);
    assertEquals(
        "Only images built and scanned by the platform team may run.",
        rule.at("/shortDescription/text").asText());
    assertEquals("custom", rule.at("/properties/tags/1").asText());
    assertTrue(rule.at("/help/markdown").asText().contains("registry.acme.io"), rule.toString());
    run("-f", "json", dir.toString());
    assertTrue(new ObjectMapper().readTree(out).toString().contains("ACME001"), out);
  }
}
