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
