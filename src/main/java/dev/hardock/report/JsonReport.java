package dev.hardock.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.Version;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The stable JSON shape other tools read: {@code {"version", "findings": [...], "summary": {...}}}, with
 * each finding {@code {"ruleId", "slug", "severity", "file", "line", "column", "endLine", "endColumn", "message",
 * "help"?, "source"}} ({@code help}: what to do, when the finding or its rule's doc says), with
 * {@code "configs": [{"file", "disabledRules", "excludes", "failOn", "loweredRules"?, "ruleSettings"?}]} when configuration files were used
 * and {@code "notices": [{"path", "message"}]} when something was not linted. Fields
 * are only ever added, never renamed or removed. Written with jackson-core's streaming generator (no
 * ObjectMapper: it costs start-up time).
 */
public final class JsonReport implements Report {
  @Override
  public boolean showsConfigs() {
    return true;
  }

  @Override
  public void write(List<FileResult> results, Summary summary, Writer out) throws IOException {
    JsonFactory factory = JsonEscapes.factory();
    try (JsonGenerator g = factory.createGenerator(JsonEscapes.guard(out))) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("version", Version.get());
      g.writeArrayFieldStart("findings");
      for (FileResult r : results) {
        for (Finding f : r.findings()) {
          g.writeStartObject();
          g.writeStringField("ruleId", f.rule().id());
          g.writeStringField("slug", f.rule().slug());
          g.writeStringField("severity", f.severity().id());
          g.writeStringField("file", f.file());
          g.writeNumberField("line", f.span().line());
          g.writeNumberField("column", f.span().column());
          g.writeNumberField("endLine", f.span().endLine());
          g.writeNumberField("endColumn", f.span().endColumn());
          g.writeStringField("message", f.message());
          String help = RuleRegistry.help(f);
          if (help != null) g.writeStringField("help", help);
          g.writeStringField("source", f.source().id());
          if (FixShown.shown(f.fix())) fix(g, f.fix());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("files", summary.files());
      g.writeNumberField("findings", summary.findings());
      for (Severity s : Severity.values()) g.writeNumberField(s.id(), summary.count(s));
      g.writeEndObject();
      if (!summary.notices().isEmpty()) {
        g.writeArrayFieldStart("notices");
        for (dev.hardock.engine.Notice n : summary.notices()) {
          g.writeStartObject();
          g.writeStringField("path", n.path());
          g.writeStringField("message", n.message());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (!summary.configs().isEmpty()) {
        g.writeArrayFieldStart("configs");
        for (ConfigUsed c : summary.configs()) SarifReport.config(g, c);
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** {@code "fix": {"applicability", "message", "edits": [{"line", "column", "endLine", "endColumn", "text"}]}}. */
  private static void fix(JsonGenerator g, dev.hardock.rule.Fix fix) throws IOException {
    g.writeObjectFieldStart("fix");
    g.writeStringField(
        "applicability", fix.applicability().name().toLowerCase(java.util.Locale.ROOT));
    g.writeStringField("message", fix.title());
    g.writeArrayFieldStart("edits");
    for (dev.hardock.rule.Edit e : fix.edits()) {
      g.writeStartObject();
      g.writeNumberField("line", e.span().line());
      g.writeNumberField("column", e.span().column());
      g.writeNumberField("endLine", e.span().endLine());
      g.writeNumberField("endColumn", e.span().endColumn());
      g.writeStringField("text", e.text());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
