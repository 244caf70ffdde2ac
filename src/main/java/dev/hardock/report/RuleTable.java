package dev.hardock.report;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.RuleDoc;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;

/** The Markdown rule table of the README, generated from the rules and their docs. */
public final class RuleTable {
  public static final String START =
      "<!-- rules:start (generated from rules/*.md; do not edit) -->";
  public static final String END = "<!-- rules:end -->";

  private RuleTable() {}

  public static String markdown() {
    StringBuilder b =
        new StringBuilder(
            "| id | slug | severity | applies to | summary |\n|---|---|---|---|---|\n");
    for (RuleMeta m : RuleRegistry.builtIn().metas()) {
      RuleDoc doc = RuleDoc.load(m);
      b.append("| [")
          .append(m.id())
          .append("](rules/")
          .append(m.docFileName())
          .append(") | ")
          .append(m.slug())
          .append(" | ")
          .append(m.severity().id())
          .append(m.enabledByDefault() ? "" : " (off by default)")
          .append(" | ")
          .append(String.join(", ", m.appliesTo().stream().map(SourceKind::id).toList()))
          .append(" | ")
          .append(doc == null ? "" : doc.summary().replace("|", "\\|"))
          .append(" |\n");
    }
    return b.toString();
  }
}
