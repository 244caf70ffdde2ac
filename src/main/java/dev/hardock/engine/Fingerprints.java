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
  private Fingerprints() {}

  /**
   * A rule on a line text of a file: the text is one instance per distinct line, so hashing and equality are
   * cheap. A result may hold findings of several files (a compose file's include and extends files): each is
   * fingerprinted with its own file's path and line text.
   */
  private record Key(String rule, String uri, String line) {}

  /** The lines of one file's text, normalised once each. */
  private static final class Lines {
    final String text;
    final LineIndex index;
    final Map<Integer, String> normalised = new HashMap<>();

    Lines(String text) {
      this.text = text;
      this.index = text == null ? null : new LineIndex(text);
    }
  }

  /**
   * Fingerprints of all findings of a file, reported and suppressed, by identity. Linear in the file and the
   * findings: each line is normalised once and each (rule, line text) hashed once, its digest then copied
   * for the occurrence (thousands of findings on one long line hashed the whole line each: minutes).
   */
  public static Map<Finding, String> of(FileResult r) {
    List<Finding> all = new ArrayList<>(r.findings());
    for (FileResult.Suppressed s : r.suppressed()) all.add(s.finding());
    all.sort(null);
    Map<String, Lines> files = new HashMap<>();
    Map<String, String> canonical = new HashMap<>();
    Map<Key, Integer> seen = new HashMap<>();
    Map<Key, MessageDigest> prefixes = new HashMap<>();
    Map<Finding, String> out = new IdentityHashMap<>();
    for (Finding f : all) {
      String uri = r.uriOf(f);
      Lines lines = files.computeIfAbsent(uri, u -> new Lines(r.textOf(f)));
      String line =
          lines.index == null
              ? ""
              : lines.normalised.computeIfAbsent(
                  f.span().line(),
                  n ->
                      canonical.computeIfAbsent(
                          normalisedLine(lines.text, lines.index, n), t -> t));
      Key key = new Key(f.rule().id(), uri, line);
      int occurrence = seen.merge(key, 1, Integer::sum) - 1;
      MessageDigest prefix =
          prefixes.computeIfAbsent(
              key, k -> digest(k.rule() + "\u0000" + k.uri() + "\u0000" + k.line()));
      out.put(f, hash(prefix, "\u0000" + occurrence));
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

  /** A SHA-256 digest that has read {@code s} (UTF-8). */
  private static MessageDigest digest(String s) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(s.getBytes(StandardCharsets.UTF_8));
      return d;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The first 16 bytes, in hex, of the hash of what {@code prefix} read followed by {@code rest}. */
  private static String hash(MessageDigest prefix, String rest) {
    MessageDigest d;
    try {
      d = (MessageDigest) prefix.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests cannot be copied in this JVM", e);
    }
    byte[] h = d.digest(rest.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 16);
  }
}
