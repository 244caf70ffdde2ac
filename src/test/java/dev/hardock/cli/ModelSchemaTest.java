package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.hardock.engine.Discovery;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.report.ModelReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code hardock model}: its output for every file of ../shared/corpus (and of testdata/) is valid against
 * docs/model.schema.json, whose objects allow no other fields: the schema documents all the model has.
 */
class ModelSchemaTest {
  static JsonSchema schema() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("docs/model.schema.json"))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static int validateAll(Path dir, JsonSchema schema) throws IOException {
    return validateAll(dir, null, schema);
  }

  /** Every regular file below {@code dir} read as {@code kind}, or (null) the files a lint run would find. */
  private static int validateAll(Path dir, dev.hardock.model.SourceKind kind, JsonSchema schema)
      throws IOException {
    List<Target> targets = new ArrayList<>();
    if (kind == null) {
      targets.addAll(Discovery.find(List.of(dir.toString()), null).targets());
    } else {
      try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
        s.filter(Files::isRegularFile)
            .sorted()
            .forEach(p -> targets.add(new Target(p, p.toString(), kind)));
      }
    }
    Linter linter = new Linter(ModelCommand.readOnly());
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (Target t : targets) {
      StringWriter w = new StringWriter();
      ModelReport.write(List.of(linter.model(t, null)), w);
      Set<ValidationMessage> errors = schema.validate(json.readTree(w.toString()));
      if (!errors.isEmpty() && failures.size() < 10) failures.add(t.displayPath() + ": " + errors);
      n++;
    }
    assertEquals(List.of(), failures);
    return n;
  }

  @Test
  void everyCorpusFileIsValid() throws IOException {
    Path corpus = Path.of("../shared/corpus");
    assumeTrue(Files.isDirectory(corpus), "corpus not present");
    JsonSchema schema = schema();
    int n = 0;
    n +=
        validateAll(corpus.resolve("dockerfiles"), dev.hardock.model.SourceKind.DOCKERFILE, schema);
    n += validateAll(corpus.resolve("compose"), dev.hardock.model.SourceKind.COMPOSE, schema);
    n += validateAll(corpus.resolve("markdown"), dev.hardock.model.SourceKind.RUN, schema);
    assertTrue(n > 3000, "expected the corpus, validated " + n + " files");
  }

  @Test
  void everyTestdataFileIsValid() throws IOException {
    assertTrue(validateAll(Path.of("testdata/rules"), schema()) > 100);
  }

  @Test
  void theCommandPrintsPositionsAndMasksSecrets() throws IOException {
    String compose =
        "services:\n  web:\n    image: registry.acme.io/web:1.2\n    user: root\n"
            + "    environment:\n      DB_PASSWORD: s3cr3t-value-123456\n    ports: [\"80:8080\"]\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"model", "--stdin-filename", "compose.yaml", "-"},
            new java.io.ByteArrayInputStream(compose.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream()),
            false);
    assertEquals(0, code);
    String text = out.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("s3cr3t-value-123456"), text);
    JsonNode root = new ObjectMapper().readTree(text);
    assertTrue(schema().validate(root).isEmpty(), schema().validate(root).toString());
    JsonNode c = root.at("/files/0/containers/0");
    assertEquals("web", c.get("name").asText());
    assertEquals("registry.acme.io/web", c.at("/image/name").asText());
    assertEquals(3, c.at("/image/span/line").asInt());
    assertEquals(12, c.at("/image/span/column").asInt());
    assertEquals("root", c.get("user").asText());
    assertEquals(4, c.at("/spans/user/line").asInt());
    assertEquals(80, c.at("/ports/0/hostPort").asInt());
    assertEquals("s3cr****", c.at("/env/0/value").asText());
  }

  @Test
  void aContainerShowsLabelsUlimitsAndLoggingWithSecretsMasked() throws IOException {
    String compose =
        "services:\n  web:\n    image: nginx:1.27\n    labels:\n      com.acme.owner: ops\n"
            + "      api_token: tok-0123456789abcdef\n    ulimits:\n      nofile: {soft: 1024, hard: 2048}\n"
            + "    logging:\n      driver: splunk\n      options:\n"
            + "        splunk-token: 0123456789abcdef0123\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"model", "--stdin-filename", "compose.yaml", "-"},
            new java.io.ByteArrayInputStream(compose.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream()),
            false);
    assertEquals(0, code);
    String text = out.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("tok-0123456789abcdef"), text);
    assertFalse(text.contains("0123456789abcdef0123"), text);
    JsonNode root = new ObjectMapper().readTree(text);
    assertTrue(schema().validate(root).isEmpty(), schema().validate(root).toString());
    JsonNode c = root.at("/files/0/containers/0");
    assertEquals("com.acme.owner", c.at("/labels/0/key").asText());
    assertEquals("ops", c.at("/labels/0/value").asText());
    assertEquals(5, c.at("/labels/0/spans/value/line").asInt());
    assertEquals(23, c.at("/labels/0/spans/value/column").asInt());
    assertEquals("nofile", c.at("/ulimits/0/name").asText());
    assertEquals(1024, c.at("/ulimits/0/soft").asLong());
    assertEquals(2048, c.at("/ulimits/0/hard").asLong());
    assertEquals(8, c.at("/ulimits/0/spans/hard/line").asInt());
    assertEquals("splunk", c.at("/logging/driver").asText());
    assertEquals(9, c.at("/logging/span/line").asInt());
    assertEquals("splunk-token", c.at("/logging/options/0/key").asText());
    assertEquals(12, c.at("/logging/options/0/span/line").asInt());
  }

  @Test
  void aDockerfileShowsStagesInstructionsAndTheFinalImage() throws IOException {
    String df =
        "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static@sha256:abc\n"
            + "LABEL org.opencontainers.image.source=x\nCOPY --from=build /app /app\nUSER 65532\nEXPOSE 8080\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(
        new String[] {"model", "--stdin-filename", "Dockerfile", "-"},
        new java.io.ByteArrayInputStream(df.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream()),
        false);
    JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertTrue(schema().validate(root).isEmpty(), schema().validate(root).toString());
    JsonNode image = root.at("/files/0/images/0");
    assertEquals(2, image.get("stages").size());
    assertEquals("65532", image.get("user").asText());
    assertEquals("sha256:abc", image.at("/base/digest").asText());
    assertEquals("org.opencontainers.image.source", image.at("/labels/0/key").asText());
    JsonNode run = image.at("/stages/0/instructions/1");
    assertEquals("RUN", run.get("keyword").asText());
    assertEquals("go", run.at("/commands/0/name").asText());
    assertEquals(2, run.at("/span/line").asInt());
    assertEquals("build", image.at("/stages/1/instructions/2/flags/0/value").asText());
  }
}
