package dev.hardock.report;

import dev.hardock.engine.FileResult;
import dev.hardock.model.LineIndex;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.RuleType;
import dev.hardock.rule.secret.CredentialPatterns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The view for people: findings grouped under their file, each with a code frame that underlines the exact
 * columns, the rule id and slug, a one-line fix hint (the {@code fix:} line of the rule's doc, else a pointer
 * to --explain), then a summary. Tabs are expanded and control characters made visible so the underline
 * stays aligned and a file cannot send escape sequences to the terminal. {@code quiet} drops the summary.
 */
public final class TextReport implements Report {
  private static final int TAB = 4;
  private final boolean color;
  private final boolean quiet;

  public TextReport(boolean color, boolean quiet) {
    this.color = color;
    this.quiet = quiet;
  }

  @Override
  public boolean showsConfigs() {
    return !quiet;
  }

  @Override
  public void write(List<FileResult> results, Summary summary, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    int withFindings = 0;
    int suppressed = 0;
    for (FileResult r : results) {
      suppressed += r.suppressed().size();
      if (r.findings().isEmpty()) continue;
      withFindings++;
      String[] lines = r.text() == null ? new String[0] : new LineIndex(r.text()).texts(r.text());
      maskSecrets(lines, r.findings());
      b.append(paint(r.displayPath(), "1;4")).append('\n');
      for (Finding f : r.findings()) {
        finding(b, f, lines);
        b.append('\n');
        out.write(b.toString());
        b.setLength(0);
      }
    }
    if (!quiet) {
      if (summary.findings() == 0) {
        b.append(paint("No findings", "32")).append(" in ").append(files(summary.files()));
      } else {
        b.append(paint("Found " + plural(summary.findings(), "finding"), "1")).append(" (");
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
          if (summary.count(s) > 0) parts.add(paint(summary.count(s) + " " + s.id(), colorOf(s)));
        }
        b.append(String.join(", ", parts)).append(") in ").append(withFindings).append(" of ").append(files(summary.files()));
      }
      if (suppressed > 0) b.append(", ").append(suppressed).append(" suppressed");
      b.append(" (").append(summary.millis()).append(" ms)\n");
      for (ConfigUsed c : summary.configs()) b.append(visible(c.line())).append('\n');
    }
    out.write(b.toString());
  }

  private void finding(StringBuilder b, Finding f, String[] lines) {
    Span s = f.span();
    String sev = colorOf(f.severity());
    b.append("  ").append(paint(f.severity().id(), "1;" + sev)).append(' ')
        .append(paint(f.rule().id() + " " + f.rule().slug(), "2")).append(": ").append(visible(f.message())).append('\n');
    int last = s.endLine();
    if (s.endLine() > s.line() && s.endColumn() == 1) last = s.endLine() - 1; // a span that ends at a line start
    int width = Integer.toString(Math.max(s.line(), last)).length();
    String pad = " ".repeat(width);
    b.append("  ").append(pad).append(paint("-->", "34")).append(' ').append(f.file()).append(':').append(s.line())
        .append(':').append(s.column()).append('\n');
    if (s.line() <= lines.length) {
      b.append("  ").append(pad).append(paint(" |", "34")).append('\n');
      String first = lines[s.line() - 1];
      int end = s.endLine() == s.line() ? s.endColumn() : first.length() + 1;
      frameLine(b, s.line(), width, first, s.column(), end, sev);
      if (last > s.line() && last <= lines.length) {
        if (last > s.line() + 1) b.append("  ").append(pad).append(paint(" ...", "34")).append('\n');
        String l = lines[last - 1];
        int from = 1;
        while (from <= l.length() && Character.isWhitespace(l.charAt(from - 1))) from++;
        int to = last == s.endLine() ? s.endColumn() : l.length() + 1;
        frameLine(b, last, width, l, Math.min(from, to), to, sev);
      }
    }
    String fix = RuleRegistry.fix(f.rule());
    b.append("  ").append(pad).append(paint(" =", "34")).append(' ')
        .append(fix != null ? paint("fix:", "1") + " " + fix : "see: hardock --explain " + f.rule().id()).append('\n');
  }

  /** One source line with a gutter, then the underline of columns [from, to) (1-based, UTF-16). */
  private void frameLine(StringBuilder b, int lineNo, int width, String line, int from, int to, String sev) {
    String n = Integer.toString(lineNo);  // not String.format: its first use loads the locale data (~10 ms)
    String gutter = " ".repeat(Math.max(0, width - n.length())) + n;
    b.append("  ").append(paint(gutter + " |", "34")).append(' ').append(display(line, line.length() + 1)).append('\n');
    int start = display(line, from).length();
    int stop = Math.max(start + 1, display(line, to).length());
    b.append("  ").append(" ".repeat(width)).append(paint(" |", "34")).append(' ').append(" ".repeat(start))
        .append(paint("^".repeat(stop - start), "1;" + sev)).append('\n');
  }

  /** The displayed form of the line up to (not including) the 1-based column: tabs expanded, controls shown. */
  static String display(String line, int column) {
    StringBuilder d = new StringBuilder();
    int n = Math.min(column - 1, line.length());
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        do d.append(' '); while (d.length() % TAB != 0);
      } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(line.charAt(i - 1))) {
        d.append(c); // the pair shows as one cell, which String.length() counts twice: accepted (rare)
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        d.append('?');
      } else {
        d.append(c);
      }
    }
    // columns past the end of the line (a span at the line end) underline the position after it
    for (int i = line.length() + 1; i < column; i++) d.append(' ');
    return d.toString();
  }

  /** Ids of the rules that flag secrets: their spans are masked in code frames like their messages are. */
  private static final Set<String> SECRET_RULES = secretRules();

  private static Set<String> secretRules() {
    Set<String> ids = new HashSet<>();
    for (RuleType t : RuleRegistry.ALL) if (t.type().getPackageName().endsWith(".secret")) ids.add(t.meta().id());
    return ids;
  }

  /**
   * Never print a secret in full, also not in a code frame: known credential formats anywhere in a shown
   * line, and the value part of a secret rule's span, keep their first 4 characters (when 12 or longer) and
   * become {@code *}, one per character so the underline stays aligned.
   */
  static void maskSecrets(String[] lines, List<Finding> findings) {
    // Only the lines a code frame shows (the first and last line of each finding) are masked: scanning every
    // line of every file for credentials was a fifth of the main thread's time on a tree of Dockerfiles.
    boolean[] shown = new boolean[lines.length];
    for (Finding f : findings) {
      Span s = f.span();
      if (s.line() <= lines.length) shown[s.line() - 1] = true;
      int last = s.endLine() > s.line() && s.endColumn() == 1 ? s.endLine() - 1 : s.endLine();
      if (last <= lines.length) shown[last - 1] = true;
    }
    for (int i = 0; i < lines.length; i++) {
      if (!shown[i]) continue;
      String line = lines[i];
      char[] c = line.toCharArray();
      for (CredentialPatterns.Match m : CredentialPatterns.find(line)) mask(c, m.start(), m.end(), true);
      maskSecretAssignments(line, c);
      for (Finding f : findings) {
        Span s = f.span();
        if (!SECRET_RULES.contains(f.rule().id()) || i + 1 < s.line() || i + 1 > s.endLine()) continue;
        int from = i + 1 == s.line() ? s.column() - 1 : 0;
        int to = i + 1 == s.endLine() ? Math.min(s.endColumn() - 1, c.length) : c.length;
        if (from >= to) continue;
        int eq = line.substring(from, to).indexOf('=');
        if (eq < 0) eq = line.substring(from, to).indexOf(':');
        mask(c, eq >= 0 ? from + eq + 1 : from, to, i + 1 == s.line());
      }
      lines[i] = new String(c);
    }
  }

  /**
   * Masks the literal value of every {@code NAME=value} or {@code NAME: value} on the line whose name is a
   * secret's ({@code DB_PASSWORD=hunter2}), whether or not a secret rule reported it (disabled, suppressed, or
   * the frame belongs to another finding on the same line).
   */
  static void maskSecretAssignments(String line, char[] c) {
    int n = line.length();
    int i = 0;
    while (i < n) {
      char ch = line.charAt(i);
      if (!(Character.isLetter(ch) || ch == '_') || (i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_'))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_' || line.charAt(j) == '-' || line.charAt(j) == '.')) j++;
      String name = line.substring(i, j);
      int v = j;
      if (v < n && line.charAt(v) == '"' || v < n && line.charAt(v) == '\'') v++; // "NAME": value, 'NAME': value
      if (v < n && (line.charAt(v) == '=' || line.charAt(v) == ':')) {
        v++;
        while (v < n && line.charAt(v) == ' ') v++;
        int end = v;
        if (v < n && (line.charAt(v) == '"' || line.charAt(v) == '\'')) {
          int close = line.indexOf(line.charAt(v), v + 1);
          end = close < 0 ? n : close + 1;
        } else {
          int open = 0;
          while (end < n && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != ',') {
            if (line.charAt(end) == '{') open++;
            if (line.charAt(end) == '}' && open-- == 0) break; // the end of a flow mapping, not of ${VAR}
            end++;
          }
        }
        if (end > v && dev.hardock.rule.secret.SecretNames.isSecretName(name)
            && dev.hardock.rule.secret.SecretNames.isLiteralSecretValue(name, line.substring(v, end))) {
          boolean quoted = line.charAt(v) == '"' || line.charAt(v) == '\'';
          mask(c, quoted ? v + 1 : v, quoted && end - 1 > v ? end - 1 : end, true);
        }
        i = Math.max(end, j);
        continue;
      }
      i = j;
    }
  }

  /** Masks [from, to); {@code prefix}: keep the first 4 characters (only where the secret starts). */
  private static void mask(char[] c, int from, int to, boolean prefix) {
    int keep = prefix && to - from >= 12 ? 4 : 0;
    for (int k = from + keep; k < Math.min(to, c.length); k++) if (!Character.isWhitespace(c[k])) c[k] = '*';
  }

  /** Control characters as ?, tabs as spaces: a file cannot drive the terminal. */
  public static String visible(String message) {
    StringBuilder d = new StringBuilder(message.length());
    for (char c : message.toCharArray()) d.append(c == '\t' ? ' ' : c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
    return d.toString();
  }

  private static String files(int n) {
    return plural(n, "file") + " scanned";
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  static String colorOf(Severity s) {
    return switch (s) {
      case ERROR -> "31";
      case WARNING -> "33";
      case INFO -> "36";
      case STYLE -> "35";
    };
  }

  private String paint(String s, String code) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
