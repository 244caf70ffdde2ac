package dev.hardock.rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule's documentation, {@code rules/<id>-<slug>.md}: front matter ({@code key: value} lines between
 * {@code ---}) and a Markdown body. The single source for --explain, SARIF help and the README table.
 */
public record RuleDoc(Map<String, String> front, String body) {
  public String summary() {
    return front.getOrDefault("summary", "");
  }

  /** The one-line fix hint ({@code fix:} in the front matter), or null when the doc has none. */
  public String fix() {
    String f = front.get("fix");
    return f == null || f.isBlank() ? null : f;
  }

  /** The text under a {@code ## heading} up to the next one, stripped; empty when there is no such heading. */
  public String section(String heading) {
    String b = "\n" + body;
    int h = b.indexOf("\n## " + heading + "\n");
    if (h < 0) return "";
    int from = h + heading.length() + 5;
    int next = b.indexOf("\n## ", from);
    return b.substring(from, next < 0 ? b.length() : next).strip();
  }

  public static RuleDoc parse(String text) {
    String t = text.replace("\r\n", "\n");
    Map<String, String> front = new LinkedHashMap<>();
    if (!t.startsWith("---\n")) return new RuleDoc(front, t);
    int end = t.indexOf("\n---\n", 3);
    if (end < 0) return new RuleDoc(front, t);
    for (String line : t.substring(4, end).split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) front.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return new RuleDoc(front, t.substring(end + 5));
  }

  /** Where a rule's documentation is published: its doc in the repository (the editor's link on a diagnostic). */
  public static String page(RuleMeta rule) {
    return "https://github.com/hardock/hardock/blob/main/rules/" + rule.docFileName();
  }

  /** What {@code --explain} prints (and the language server's hover shows): a title line, then the Markdown body. */
  public static String explain(RuleMeta rule) {
    RuleDoc doc = cached(rule);
    return rule.id() + " " + rule.slug() + " (" + rule.severity().id() + ")\n\n"
        + (doc == null ? "No documentation.\n" : doc.body().strip() + "\n");
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<RuleDoc>> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** As {@link #load}, read once per rule (reports ask for the same doc for every finding). */
  public static RuleDoc cached(RuleMeta rule) {
    return CACHE.computeIfAbsent(rule.id(), id -> java.util.Optional.ofNullable(load(rule))).orElse(null);
  }

  /** The doc packaged with hardock for that rule, or null when it is missing. */
  public static RuleDoc load(RuleMeta rule) {
    try (InputStream in = RuleDoc.class.getResourceAsStream("/rules/" + rule.docFileName())) {
      if (in == null) return null;
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }
}
