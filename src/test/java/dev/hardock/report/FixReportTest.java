package dev.hardock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixable findings in the formats: the text marker and summary, JSON's fix object, SARIF's fixes[] (schema-valid). */
class FixReportTest {
  static List<FileResult> results() {
    Linter linter = new Linter(LintSettings.DEFAULT);
    return List.of(
        linter.lint(
            new Target(
                Path.of("testdata/fixes/HD320/maintainer.Dockerfile"),
                "maintainer.Dockerfile",
                SourceKind.DOCKERFILE),
            null),
        linter.lint(
            new Target(
                Path.of("testdata/fixes/HD126/ports.compose.yaml"),
                "ports.compose.yaml",
                SourceKind.COMPOSE),
            null));
  }

  static String render(String format, List<FileResult> results) throws IOException {
    StringWriter w = new StringWriter();
    Formats.of(format, false, false).write(results, Summary.of(results, 42), w);
    return w.toString();
  }

  @Test
  void noFormatPrintsASecretThroughAFix() throws IOException {
    // HD314's exec form repeats the words of the CMD, the password among them
    byte[] text =
        "FROM alpine:3.20\nUSER 65534\nCMD app --password Sup3rS3cretValue99\nCMD app ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    FileResult r =
        new Linter(LintSettings.DEFAULT)
            .lint(new Target(Path.of("Dockerfile"), "Dockerfile", SourceKind.DOCKERFILE), text);
    assertTrue(
        r.findings().stream().anyMatch(f -> f.rule().id().equals("HD314") && f.fix() != null),
        r.findings().toString());
    for (String format :
        List.of("text", "json", "sarif", "github", "gitlab", "checkstyle", "gnu")) {
      String out = render(format, List.of(r));
      assertTrue(
          !out.contains("Sup3rS3cretValue99") && !out.contains("ghp_abcdefghij"),
          format + ": " + out);
    }
  }

  @Test
  void sarifFixesAreSchemaValidAndPointAtTheEdits() throws IOException {
    JsonSchema schema;
    try (InputStream in =
        Files.newInputStream(Path.of("testdata/schema/sarif-schema-2.1.0.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode sarif = new ObjectMapper().readTree(render("sarif", results()));
    assertTrue(schema.validate(sarif).isEmpty(), schema.validate(sarif).toString());
    int withFix = 0;
    for (JsonNode r : sarif.at("/runs/0/results")) {
      JsonNode fix = r.path("fixes").path(0);
      if (fix.isMissingNode()) continue;
      withFix++;
      JsonNode change = fix.at("/artifactChanges/0");
      assertEquals(
          r.at("/locations/0/physicalLocation/artifactLocation/uri").asText(),
          change.at("/artifactLocation/uri").asText());
      assertTrue(change.at("/replacements/0/deletedRegion/startLine").asInt() >= 1);
    }
    assertTrue(withFix >= 4, "results with fixes: " + withFix);
    JsonNode label = null;
    for (JsonNode r : sarif.at("/runs/0/results"))
      if (r.get("ruleId").asText().equals("HD320") && r.has("fixes") && label == null) label = r;
    assertEquals(
        "LABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"",
        label.at("/fixes/0/artifactChanges/0/replacements/0/insertedContent/text").asText());
    assertEquals("safe", label.at("/fixes/0/properties/applicability").asText());
  }

  @Test
  void jsonFixObjectHasTheDocumentedShape() throws IOException {
    JsonNode json = new ObjectMapper().readTree(render("json", results()));
    JsonNode port = null;
    for (JsonNode f : json.get("findings"))
      if (f.get("ruleId").asText().equals("HD126") && f.get("line").asInt() == 5) port = f;
    JsonNode fix = port.get("fix");
    assertEquals(List.of("applicability", "message", "edits"), fieldNames(fix));
    assertEquals("unsafe", fix.get("applicability").asText());
    assertEquals("Publish on 127.0.0.1 only", fix.get("message").asText());
    JsonNode e = fix.get("edits").get(0);
    assertEquals(List.of("line", "column", "endLine", "endColumn", "text"), fieldNames(e));
    assertEquals(
        List.of(5, 10, 5, 10),
        List.of(
            e.get("line").asInt(),
            e.get("column").asInt(),
            e.get("endLine").asInt(),
            e.get("endColumn").asInt()));
    assertEquals("127.0.0.1:", e.get("text").asText());
    for (JsonNode f : json.get("findings"))
      if (!f.has("fix")) assertTrue(f.get("ruleId").asText().length() == 5);
  }

  @Test
  void textMarksSafeFixesAndCountsThem() throws IOException {
    String text = render("text", results());
    assertTrue(text.contains("HD320 maintainer-deprecated [*]: "), text);
    assertTrue(
        text.contains("= [*] safe fix: Replace MAINTAINER with an OCI authors LABEL (--fix)"),
        text);
    assertTrue(
        text.contains("= unsafe fix: Publish on 127.0.0.1 only (--fix --unsafe-fixes)"), text);
    assertTrue(text.contains("HD126 port-on-all-interfaces: "), "unsafe fixes get no [*]: " + text);
    long safe =
        results().stream()
            .flatMap(r -> r.findings().stream())
            .filter(
                f ->
                    f.fix() != null
                        && f.fix().applicability() == dev.hardock.rule.Fix.Applicability.SAFE)
            .count();
    long unsafe =
        results().stream()
            .flatMap(r -> r.findings().stream())
            .filter(
                f ->
                    f.fix() != null
                        && f.fix().applicability() == dev.hardock.rule.Fix.Applicability.UNSAFE)
            .count();
    assertTrue(
        text.contains(
            "[*] " + safe + " fixable with --fix, " + unsafe + " more with --unsafe-fixes\n"),
        text);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
