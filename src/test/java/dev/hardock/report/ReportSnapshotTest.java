package dev.hardock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hardock.engine.Discovery;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every output format rendered for the findings of testdata/report/fixture/ and compared exactly with
 * testdata/report/FORMAT/fixture.EXT (refresh with -Dhardock.update=true, review the diff). The time is fixed;
 * the version is "dev" when running from classes. SARIF is validated against the official 2.1.0 schema.
 */
class ReportSnapshotTest {
  static final Path FIXTURE = Path.of("testdata/report/fixture");
  static final Set<String> RULES =
      Set.of("HD001", "HD003", "HD004", "HD201", "HD302", "HD401", "HD402", "HD403");

  static List<FileResult> results() {
    Discovery.Found found = Discovery.find(List.of(FIXTURE.toString()), null);
    List<dev.hardock.engine.Target> targets = new java.util.ArrayList<>(found.targets());
    targets.sort(
        java.util.Comparator.comparing(
            dev.hardock.engine.Target::displayPath)); // walk order is the file system's
    // A fixed rule set, so that rules added to the catalog later do not change the snapshots.
    Set<String> off = new java.util.HashSet<>();
    for (dev.hardock.rule.RuleMeta m : dev.hardock.rule.RuleRegistry.builtIn().metas())
      if (!RULES.contains(m.id())) off.add(m.id());
    LintSettings settings =
        new LintSettings(Set.of(), off, java.util.Map.of(), dev.hardock.rule.RuleOptions.NONE);
    return new Linter(settings).lint(targets, 1);
  }

  static String render(String format, List<FileResult> results) throws IOException {
    StringWriter w = new StringWriter();
    Formats.of(format, false, false).write(results, Summary.of(results, 42), w);
    return w.toString();
  }

  static String extension(String format) {
    return switch (format) {
      case "json", "gitlab" -> "json";
      case "sarif" -> "sarif";
      case "checkstyle" -> "xml";
      default -> "txt";
    };
  }

  @TestFactory
  Stream<DynamicTest> everyFormatMatchesItsSnapshot() {
    List<FileResult> results = results();
    return Formats.NAMES.stream()
        .map(
            format ->
                DynamicTest.dynamicTest(
                    format,
                    () -> {
                      String actual = render(format, results);
                      Path snapshot =
                          Path.of("testdata/report", format, "fixture." + extension(format));
                      if (Boolean.getBoolean("hardock.update")) {
                        Files.createDirectories(snapshot.getParent());
                        Files.writeString(snapshot, actual);
                      }
                      assertTrue(
                          Files.exists(snapshot),
                          "no snapshot "
                              + snapshot
                              + ": run with -Dhardock.update=true and review it");
                      assertEquals(
                          Files.readString(snapshot),
                          actual,
                          "snapshot " + snapshot + " (refresh with -Dhardock.update=true)");
                    }));
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in =
        Files.newInputStream(Path.of("testdata/schema/sarif-schema-2.1.0.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode sarif = new ObjectMapper().readTree(render("sarif", results()));
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertTrue(errors.isEmpty(), errors.toString());
    JsonNode run = sarif.get("runs").get(0);
    assertEquals("utf16CodeUnits", run.get("columnKind").asText());
    JsonNode rules = run.get("tool").get("driver").get("rules");
    for (JsonNode r : run.get("results")) {
      assertEquals(
          r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
      assertEquals(
          "%SRCROOT%", r.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
    }
  }

  @Test
  void machineFormatsParse() throws Exception {
    List<FileResult> results = results();
    new ObjectMapper().readTree(render("json", results));
    assertTrue(new ObjectMapper().readTree(render("gitlab", results)).isArray());
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(
            new java.io.ByteArrayInputStream(
                render("checkstyle", results).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** What was not linted is listed where a reader of the upload looks: SARIF tool notifications, JSON notices. */
  @Test
  void noticesAreListedInSarifAndJson() throws IOException {
    List<FileResult> results = results();
    Summary summary =
        Summary.of(results, 42)
            .withNotices(
                List.of(
                    new dev.hardock.engine.Notice(
                        "deep/d/Dockerfile", "not linted: a folder deeper than 64 levels")));
    StringWriter w = new StringWriter();
    Formats.of("sarif", false, false).write(results, summary, w);
    JsonNode sarif = new ObjectMapper().readTree(w.toString());
    JsonSchema schema;
    try (InputStream in =
        Files.newInputStream(Path.of("testdata/schema/sarif-schema-2.1.0.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    assertTrue(schema.validate(sarif).isEmpty(), schema.validate(sarif).toString());
    assertEquals(
        "deep/d/Dockerfile: not linted: a folder deeper than 64 levels",
        sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText());
    assertEquals(
        "note", sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/level").asText());
    w = new StringWriter();
    Formats.of("json", false, false).write(results, summary, w);
    JsonNode json = new ObjectMapper().readTree(w.toString());
    assertEquals("deep/d/Dockerfile", json.at("/notices/0/path").asText());
    assertEquals(
        "not linted: a folder deeper than 64 levels", json.at("/notices/0/message").asText());
    // without notices, no field: the snapshots above hold the shape unchanged
    assertTrue(render("json", results).indexOf("\"notices\"") < 0);
  }
}
