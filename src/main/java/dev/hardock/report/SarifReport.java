package dev.hardock.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.Fingerprints;
import dev.hardock.engine.Version;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleDoc;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Each rule with results is described in
 * {@code tool.driver.rules} from its doc; results point at repository-relative files ({@code %SRCROOT%}),
 * carry the content fingerprint of {@link Fingerprints} and, when an inline comment or the baseline silenced
 * them, a {@code suppressions} entry instead of being dropped. {@code security-severity} (GitHub's 0-10 scale)
 * is 8.0 for error, 5.0 for warning, 2.0 for info and style: high, medium, low; the HD0xx rules about
 * hardock itself get none, so they are not shown as security alerts.
 */
public final class SarifReport implements Report {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String FINGERPRINT_KEY = "hardock/v1";
  private static final Pattern CWE = Pattern.compile("CWE-(\\d+)");

  @Override
  public boolean showsConfigs() {
    return true;
  }

  @Override
  public void write(List<FileResult> results, Summary summary, Writer out) throws IOException {
    // Only the rules that have results are described (as the ESLint and Ruff SARIF writers do):
    // small files,
    // and indexes that do not move when a rule is added to the catalog.
    List<RuleMeta> metas = new ArrayList<>();
    Map<String, String> groups = new java.util.HashMap<>();
    Set<String> used = new java.util.HashSet<>();
    for (FileResult r : results) {
      for (Finding f : r.findings()) used.add(f.rule().id());
      for (FileResult.Suppressed x : r.suppressed()) used.add(x.finding().rule().id());
    }
    RuleRegistry rules = summary.rules();
    for (RuleMeta m : rules.metas()) {
      if (!used.contains(m.id())) continue;
      metas.add(m);
      groups.put(m.id(), rules.group(m));
    }
    JsonFactory factory = JsonEscapes.factory();
    try (JsonGenerator g = factory.createGenerator(JsonEscapes.guard(out))) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "hardock");
      g.writeStringField("version", Version.get());
      g.writeArrayFieldStart("rules");
      for (RuleMeta m : metas) rule(g, m, groups.get(m.id()), rules.doc(m));
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("columnKind", "utf16CodeUnits");
      g.writeArrayFieldStart("results");
      for (FileResult r : results) {
        Map<Finding, String> fps = Fingerprints.of(r);
        List<FileResult.Suppressed> all = new ArrayList<>();
        for (Finding f : r.findings()) all.add(new FileResult.Suppressed(f, null, null));
        all.addAll(r.suppressed());
        all.sort((a, b) -> a.finding().compareTo(b.finding()));
        for (FileResult.Suppressed s : all)
          result(
              g, s, r.uriOf(s.finding()), fps.get(s.finding()), metas.indexOf(s.finding().rule()));
      }
      g.writeEndArray();
      if (!summary.notices().isEmpty()) {
        // what was not linted and why: nothing is skipped silently, also for whoever reads only the
        // upload
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (dev.hardock.engine.Notice n : summary.notices()) {
          g.writeStartObject();
          g.writeStringField("level", "note");
          g.writeObjectFieldStart("message");
          g.writeStringField("text", n.path() + ": " + n.message());
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
      }
      if (!summary.configs().isEmpty()) {
        // what the configuration files (perhaps the pull request's own) turned off, for whoever
        // reads the upload
        g.writeObjectFieldStart("properties");
        g.writeObjectFieldStart("hardock");
        g.writeArrayFieldStart("configFiles");
        for (ConfigUsed c : summary.configs()) config(g, c);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * One configuration file: {@code {"file", "disabledRules": [...], "excludes": [...], "failOn"}}, and where it has
   * them {@code "loweredRules": {"HD305": "style"}} and {@code "ruleSettings": ["HD201"]}.
   */
  static void config(JsonGenerator g, ConfigUsed c) throws IOException {
    g.writeStartObject();
    g.writeStringField("file", c.file());
    g.writeArrayFieldStart("disabledRules");
    for (String id : c.disabledRules()) g.writeString(id);
    g.writeEndArray();
    g.writeArrayFieldStart("excludes");
    for (String e : c.excludes()) g.writeString(e);
    g.writeEndArray();
    if (c.failOn() != null) g.writeStringField("failOn", c.failOn());
    if (!c.lowered().isEmpty()) {
      g.writeObjectFieldStart("loweredRules");
      for (var e : c.lowered().entrySet()) g.writeStringField(e.getKey(), e.getValue().id());
      g.writeEndObject();
    }
    if (!c.tuned().isEmpty()) {
      g.writeArrayFieldStart("ruleSettings");
      for (String id : c.tuned()) g.writeString(id);
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void rule(JsonGenerator g, RuleMeta m, String group, RuleDoc doc)
      throws IOException {
    boolean security = !group.equals("meta");
    g.writeStartObject();
    g.writeStringField("id", m.id());
    g.writeStringField("name", m.slug());
    String summary = doc == null || doc.summary().isEmpty() ? m.slug() : doc.summary();
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", summary);
    g.writeEndObject();
    String what = doc == null ? "" : doc.section("What it flags");
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", what.isEmpty() ? summary : firstParagraph(what));
    g.writeEndObject();
    g.writeObjectFieldStart("help");
    String fix = doc == null ? null : doc.fix();
    g.writeStringField(
        "text", (fix != null ? "Fix: " + fix + ". " : "") + "See: hardock --explain " + m.id());
    if (doc != null) g.writeStringField("markdown", doc.body().strip());
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(m.severity()));
    if (!m.enabledByDefault()) g.writeBooleanField("enabled", false);
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    Set<String> tags = new LinkedHashSet<>();
    tags.add(security ? "security" : "maintainability");
    tags.add(group);
    if (doc != null) {
      Matcher c = CWE.matcher(doc.front().getOrDefault("references", ""));
      while (c.find()) tags.add("external/cwe/cwe-" + c.group(1));
    }
    for (String t : tags) g.writeString(t);
    g.writeEndArray();
    if (security) g.writeStringField("security-severity", securitySeverity(m.severity()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void result(
      JsonGenerator g, FileResult.Suppressed s, String uri, String fingerprint, int index)
      throws IOException {
    Finding f = s.finding();
    g.writeStartObject();
    g.writeStringField("ruleId", f.rule().id());
    if (index >= 0) g.writeNumberField("ruleIndex", index);
    g.writeStringField("level", level(f.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", f.message());
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", encodeUri(uri));
    g.writeStringField("uriBaseId", "%SRCROOT%");
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", f.span().line());
    g.writeNumberField("startColumn", f.span().column());
    g.writeNumberField("endLine", f.span().endLine());
    g.writeNumberField("endColumn", f.span().endColumn());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, fingerprint);
    g.writeEndObject();
    if (f.help() != null) {
      // the finding's own advice (the rule's doc advice is in its rules[].help)
      g.writeObjectFieldStart("properties");
      g.writeStringField("help", f.help());
      g.writeEndObject();
    }
    if (FixShown.shown(f.fix()) && s.kind() == null) fix(g, f.fix(), uri);
    if (s.kind() != null) {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", s.kind());
      if (s.justification() != null && !s.justification().isEmpty())
        g.writeStringField("justification", s.justification());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * A finding's fix as SARIF's {@code fixes[]} (one artifactChange with a replacement per edit: the deleted
   * region, same column convention as the result's region, and the inserted text), which GitHub code scanning
   * reads. Whether it is safe goes in the description and a property, SARIF having no such field.
   */
  private static void fix(JsonGenerator g, dev.hardock.rule.Fix fix, String uri)
      throws IOException {
    g.writeArrayFieldStart("fixes");
    g.writeStartObject();
    g.writeObjectFieldStart("description");
    g.writeStringField(
        "text",
        fix.title()
            + (fix.applicability() == dev.hardock.rule.Fix.Applicability.SAFE ? "" : " (unsafe)"));
    g.writeEndObject();
    g.writeArrayFieldStart("artifactChanges");
    g.writeStartObject();
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", encodeUri(uri));
    g.writeStringField("uriBaseId", "%SRCROOT%");
    g.writeEndObject();
    g.writeArrayFieldStart("replacements");
    for (dev.hardock.rule.Edit e : fix.edits()) {
      g.writeStartObject();
      g.writeObjectFieldStart("deletedRegion");
      g.writeNumberField("startLine", e.span().line());
      g.writeNumberField("startColumn", e.span().column());
      g.writeNumberField("endLine", e.span().endLine());
      g.writeNumberField("endColumn", e.span().endColumn());
      g.writeEndObject();
      if (!e.text().isEmpty()) {
        g.writeObjectFieldStart("insertedContent");
        g.writeStringField("text", e.text());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("properties");
    g.writeStringField(
        "applicability", fix.applicability().name().toLowerCase(java.util.Locale.ROOT));
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "note";
    };
  }

  static String securitySeverity(Severity s) {
    return switch (s) {
      case ERROR -> "8.0";
      case WARNING -> "5.0";
      case INFO, STYLE -> "2.0";
    };
  }

  private static String firstParagraph(String text) {
    int p = text.indexOf("\n\n");
    return (p < 0 ? text : text.substring(0, p)).replace('\n', ' ').strip();
  }

  /** A relative path as a URI reference: each byte outside the unreserved and path characters percent-encoded. */
  static String encodeUri(String path) {
    StringBuilder b = new StringBuilder();
    for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }
}
