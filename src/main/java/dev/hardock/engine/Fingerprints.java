package dev.hardock.engine;

import dev.hardock.model.LineIndex;
import dev.hardock.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding's identity that survives unrelated edits: a hash of the rule id, the repository-relative file,
 * the text of the line where the finding starts with its whitespace collapsed, and how many findings of the
 * same rule on identical line text come before it in the file. No line number: inserting lines above does
 * not change it; editing the offending line does. SARIF partialFingerprints, GitLab fingerprints and the
 * baseline all use this one function.
 */
public final class Fingerprints {
  private Fingerprints() { }

  /** Fingerprints of all findings of a file, reported and suppressed, by identity. */
  public static Map<Finding, String> of(FileResult r) {
    List<Finding> all = new ArrayList<>(r.findings());
    for (FileResult.Suppressed s : r.suppressed()) all.add(s.finding());
    all.sort(null);
    LineIndex lines = r.text() == null ? null : new LineIndex(r.text());
    Map<String, Integer> seen = new HashMap<>();
    Map<Finding, String> out = new IdentityHashMap<>();
    for (Finding f : all) {
      String line = lines == null ? "" : normalisedLine(r.text(), lines, f.span().line());
      String key = f.rule().id() + "\u0000" + r.uri() + "\u0000" + line;
      int occurrence = seen.merge(key, 1, Integer::sum) - 1;
      out.put(f, hash(key + "\u0000" + occurrence));
    }
    return out;
  }

  /** The text of a 1-based line with runs of whitespace collapsed to one space and the ends trimmed. */
  static String normalisedLine(String text, LineIndex lines, int line) {
    if (line > lines.lineCount()) return "";
    int from = lines.lineStart(line);
    int to = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    return text.substring(from, to).strip().replaceAll("\\s+", " ");
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
