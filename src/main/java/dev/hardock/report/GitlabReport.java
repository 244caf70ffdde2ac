package dev.hardock.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.Fingerprints;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * GitLab Code Quality (a JSON array, the {@code codequality} report artifact). Paths are relative to the
 * repository root; the fingerprint is the one of {@link Fingerprints}, so GitLab tracks a finding across
 * line shifts. Severity: error is critical, warning major, info minor, style info (blocker is not used).
 */
public final class GitlabReport implements Report {
  @Override
  public void write(List<FileResult> results, Summary summary, Writer out) throws IOException {
    JsonFactory factory = JsonEscapes.factory();
    try (JsonGenerator g = factory.createGenerator(JsonEscapes.guard(out))) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (FileResult r : results) {
        Map<Finding, String> fps = Fingerprints.of(r);
        for (Finding f : r.findings()) {
          g.writeStartObject();
          g.writeStringField("description", f.message());
          g.writeStringField("check_name", f.rule().id() + " " + f.rule().slug());
          g.writeStringField("fingerprint", fps.get(f));
          g.writeStringField(
              "severity",
              switch (f.severity()) {
                case ERROR -> "critical";
                case WARNING -> "major";
                case INFO -> "minor";
                case STYLE -> "info";
              });
          g.writeObjectFieldStart("location");
          g.writeStringField("path", r.uriOf(f));
          g.writeObjectFieldStart("lines");
          g.writeNumberField("begin", f.span().line());
          g.writeNumberField("end", f.span().endLine());
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
    }
    out.write('\n');
  }
}
