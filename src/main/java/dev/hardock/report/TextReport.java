package dev.hardock.report;

import dev.hardock.engine.FileResult;
import dev.hardock.model.LineIndex;
import dev.hardock.model.Span;
import dev.hardock.model.secret.SecretMask;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.RuleType;
import dev.hardock.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The view for people: findings grouped under their file (a finding in a file the linted one includes or
 * extends under that file), each with a code frame that underlines the exact columns, the rule id and slug, a
 * one-line fix hint (the {@code fix:} line of the rule's doc, else a pointer to --explain), then a summary.
 * Tabs are expanded and control characters made visible so the underline stays aligned and a file cannot send
 * escape sequences to the terminal. {@code quiet} drops the summary.
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
    int safeFixes = 0;
    int unsafeFixes = 0;
    List<FileResult> shown = new ArrayList<>();
    for (FileResult r : results) {
      suppressed += r.suppressed().size();
      for (Finding f : r.findings()) {
        if (f.fix() == null) continue;
        if (f.fix().applicability() == dev.hardock.rule.Fix.Applicability.SAFE) safeFixes++;
        else unsafeFixes++;
      }
      if (r.findings().isEmpty()) continue;
      withFindings++;
      shown.add(r);
    }
    // each file's findings are rendered apart, those of many files in parallel (their code frames
    // and the
    // masking of the lines they show were a sixth of a large run's time, on one thread after the
    // lint), and
    // written in order, a bounded batch at a time
    for (int i = 0; i < shown.size(); i += BATCH) {
      List<FileResult> batch = shown.subList(i, Math.min(shown.size(), i + BATCH));
      String[] parts =
          batch.size() == 1
              ? new String[] {render(batch.get(0))}
              : batch.parallelStream().map(this::render).toArray(String[]::new);
      for (String part : parts) out.write(part);
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
        b.append(String.join(", ", parts))
            .append(") in ")
            .append(withFindings)
            .append(" of ")
            .append(files(summary.files()));
      }
      if (suppressed > 0) b.append(", ").append(suppressed).append(" suppressed");
      if (summary.skipped() > 0)
        b.append("; ").append(summary.skipped()).append(" not linted (see the notices)");
      b.append(" (").append(summary.millis()).append(" ms)\n");
      if (safeFixes + unsafeFixes > 0) {
        // ruff's summary: what --fix would do, and what only --unsafe-fixes would
        b.append(paint("[*]", "1;32")).append(' ').append(safeFixes).append(" fixable with --fix");
        if (unsafeFixes > 0) b.append(", ").append(unsafeFixes).append(" more with --unsafe-fixes");
        b.append('\n');
      }
      for (ConfigUsed c : summary.configs()) b.append(Visible.line(c.line())).append('\n');
    }
    out.write(b.toString());
  }

  /** Files rendered at once, in parallel, before their text is written. */
  private static final int BATCH = 256;

  /** The findings of one file: a heading per file they stand in, their headlines and code frames. */
  private String render(FileResult r) {
    StringBuilder b = new StringBuilder();
    // each finding is framed with the lines of the file it stands in (an include of a compose file
    // has its own)
    Map<String, List<Finding>> byText = new IdentityHashMap<>();
    for (Finding f : r.findings())
      byText.computeIfAbsent(r.textOf(f), k -> new ArrayList<>()).add(f);
    Map<String, String[]> linesOf = new IdentityHashMap<>();
    for (Map.Entry<String, List<Finding>> e : byText.entrySet()) {
      String text = e.getKey();
      String[] lines = text == null ? new String[0] : new LineIndex(text).texts(text);
      maskSecrets(text, lines, e.getValue());
      linesOf.put(text, lines);
    }
    // a heading per file: the linted file's findings come first, then those of each file it
    // includes; findings at one span (a run line missing five settings) share one code frame under
    // all their headlines
    String heading = null;
    List<Finding> fs = r.findings();
    for (int i = 0, j; i < fs.size(); i = j) {
      Finding f = fs.get(i);
      if (!f.file().equals(heading)) {
        heading = f.file();
        b.append(paint(Visible.pathAtLineStart(heading), "1;4")).append('\n');
      }
      for (j = i + 1; j < fs.size() && sameSpot(f, fs.get(j)); ) j++;
      finding(b, fs.subList(i, j), linesOf.get(r.textOf(f)));
      b.append('\n');
    }
    return b.toString();
  }

  private static boolean sameSpot(Finding a, Finding b) {
    return a.span().equals(b.span()) && a.file().equals(b.file());
  }

  /** Findings that share one span: a headline each, one code frame, a fix line each (named when several). */
  private void finding(StringBuilder b, List<Finding> group, String[] lines) {
    Finding f = group.get(0);
    Span s = f.span();
    Severity worst = f.severity();
    for (Finding g : group) {
      if (g.severity().ordinal() < worst.ordinal()) worst = g.severity();
      b.append("  ")
          .append(paint(g.severity().id(), "1;" + colorOf(g.severity())))
          .append(' ')
          .append(paint(g.rule().id() + " " + g.rule().slug(), "2"))
          .append(
              g.fix() != null && g.fix().applicability() == dev.hardock.rule.Fix.Applicability.SAFE
                  ? " " + paint("[*]", "1;32")
                  : "")
          .append(": ")
          .append(Visible.line(g.message()))
          .append('\n');
    }
    String sev = colorOf(worst);
    int last = s.endLine();
    if (s.endLine() > s.line() && s.endColumn() == 1)
      last = s.endLine() - 1; // a span that ends at a line start
    int width = Integer.toString(Math.max(s.line(), last)).length();
    String pad = " ".repeat(width);
    b.append("  ")
        .append(pad)
        .append(paint("-->", "34"))
        .append(' ')
        .append(Visible.line(f.file()))
        .append(':')
        .append(s.line())
        .append(':')
        .append(s.column())
        .append('\n');
    if (s.line() <= lines.length) {
      b.append("  ").append(pad).append(paint(" |", "34")).append('\n');
      String first = lines[s.line() - 1];
      int end = s.endLine() == s.line() ? s.endColumn() : first.length() + 1;
      frameLine(b, s.line(), width, first, s.column(), end, sev);
      if (last > s.line() && last <= lines.length) {
        if (last > s.line() + 1)
          b.append("  ").append(pad).append(paint(" ...", "34")).append('\n');
        String l = lines[last - 1];
        int to = last == s.endLine() ? s.endColumn() : l.length() + 1;
        int from = 1;
        while (from < to && from <= l.length() && Character.isWhitespace(l.charAt(from - 1)))
          from++;
        frameLine(b, last, width, l, from, to, sev);
      }
    }
    for (Finding g : group) {
      String help = RuleRegistry.help(g);
      String named = group.size() > 1 ? g.rule().id() + " " : "";
      b.append("  ")
          .append(pad)
          .append(paint(" =", "34"))
          .append(' ')
          .append(
              help != null
                  ? paint(named + "help:", "1") + " " + Visible.line(help)
                  : "see: hardock --explain " + g.rule().id())
          .append('\n');
      if (g.fix() != null) {
        boolean safe = g.fix().applicability() == dev.hardock.rule.Fix.Applicability.SAFE;
        b.append("  ")
            .append(pad)
            .append(paint(" =", "34"))
            .append(' ')
            .append(paint(named + (safe ? "[*] safe fix:" : "unsafe fix:"), "1"))
            .append(' ')
            .append(Visible.line(g.fix().title()))
            .append(safe ? " (--fix)" : " (--fix --unsafe-fixes)")
            .append('\n');
      }
    }
  }

  /** One source line with a gutter, then the underline of columns [from, to) (1-based, UTF-16). */
  private void frameLine(
      StringBuilder b, int lineNo, int width, String line, int from, int to, String sev) {
    String n =
        Integer.toString(lineNo); // not String.format: its first use loads the locale data (~10 ms)
    String gutter = " ".repeat(Math.max(0, width - n.length())) + n;
    Shown shown = shown(line, from - 1, to - 1);
    b.append("  ").append(paint(gutter + " |", "34")).append(' ').append(shown.text()).append('\n');
    b.append("  ")
        .append(" ".repeat(width))
        .append(paint(" |", "34"))
        .append(' ')
        .append(" ".repeat(shown.start()))
        .append(paint("^".repeat(shown.stop() - shown.start()), "1;" + sev))
        .append('\n');
  }

  /** Lines longer than this many characters are shown as a window around the span. */
  static final int WIDTH = 120;

  /** Characters shown before the span in a window. */
  private static final int BEFORE = 40;

  static final String CUT = "...";

  /**
   * A source line as a code frame shows it, and the underline's display columns [start, stop). Tabs are
   * expanded to the next multiple of 4 and unsafe characters shown by {@link Visible#escape}, so the
   * underline stays aligned and a file cannot send escape sequences to the terminal. A line longer than
   * {@link #WIDTH} characters is cut to a window of about that many around the span, marked {@value #CUT}
   * where cut: many findings on one long line print a bounded frame each, so the output stays linear in the
   * input (a 54 KB line with hundreds of findings printed 284 MB when every frame held the whole line).
   */
  record Shown(String text, int start, int stop) {}

  /** {@code from} and {@code to}: 0-based UTF-16 indexes into the line; they may lie past its end. */
  static Shown shown(String line, int from, int to) {
    int n = line.length();
    int a = 0;
    int limit = Integer.MAX_VALUE;
    if (n > WIDTH) {
      a = Math.max(0, Math.min(from, n) - BEFORE);
      if (n - a < WIDTH) a = n - WIDTH;
      if (a > 0 && Character.isLowSurrogate(line.charAt(a))) a--;
      limit = WIDTH;
    }
    StringBuilder d = new StringBuilder(Math.min(n, WIDTH + 16));
    if (a > 0) d.append(CUT);
    int start = -1;
    int stop = -1;
    int i = a;
    for (; i < n; i++) {
      if (i == from) start = d.length();
      if (i == to) stop = d.length();
      if (d.length() >= limit && i > from && !Character.isLowSurrogate(line.charAt(i))) break;
      char c = line.charAt(i);
      if (c == '\t') {
        do d.append(' ');
        while (d.length() % TAB != 0);
      } else if (Character.isLowSurrogate(c)
          && i > 0
          && Character.isHighSurrogate(line.charAt(i - 1))) {
        d.append(
            c); // the pair shows as one cell, which String.length() counts twice: accepted (rare)
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(line.charAt(i + 1))) {
        d.append(c);
      } else if (Visible.unsafe(c) || Character.isSurrogate(c)) {
        d.append(Visible.line(String.valueOf(c)));
      } else if (c == '['
          && d.length() >= 2
          && d.charAt(d.length() - 1) == '#'
          && d.charAt(d.length() - 2) == '#') {
        d.append("\\x5b"); // ##[ is a workflow command anywhere in a line (Visible.OLD_COMMAND)
      } else {
        d.append(c);
      }
    }
    int end = d.length();
    if (i < n) d.append(CUT);
    // columns past the end of the line (a span at the line end) underline the position after it
    if (start < 0) start = i < n ? end : end + Math.max(0, from - n);
    if (stop < 0) stop = i < n ? end : end + Math.max(0, to - n);
    return new Shown(d.toString(), start, Math.max(start + 1, stop));
  }

  /** Ids of the rules that flag secrets: their spans are masked in code frames like their messages are. */
  private static final Set<String> SECRET_RULES = secretRules();

  private static Set<String> secretRules() {
    Set<String> ids = new HashSet<>();
    for (RuleType t : RuleRegistry.builtIn().types())
      if (t.type().getPackageName().endsWith(".secret")) ids.add(t.meta().id());
    return ids;
  }

  /**
   * Never print a secret in full, also not in a code frame: what {@link SecretMask} recognises as a secret on
   * a shown line, and also the value part of a secret rule's span (whatever shape it has), keep their first
   * 4 characters (when 12 or longer) and become {@code *}, one per character so the underline stays aligned.
   */
  static void maskSecrets(String text, String[] lines, List<Finding> findings) {
    // Only the lines a code frame shows (the first and last line of each finding) are masked:
    // scanning every
    // line of every file for credentials was a fifth of the main thread's time on a tree of
    // Dockerfiles.
    boolean[] shown = new boolean[lines.length];
    for (Finding f : findings) {
      Span s = f.span();
      if (s.line() <= lines.length) shown[s.line() - 1] = true;
      int last = s.endLine() > s.line() && s.endColumn() == 1 ? s.endLine() - 1 : s.endLine();
      if (last <= lines.length) shown[last - 1] = true;
    }
    SecretMask.mask(text, lines, shown);
    char[][] masked = new char[lines.length][]; // one copy per line, however many findings it has
    for (Finding f : findings) {
      if (!SECRET_RULES.contains(f.rule().id())) continue;
      Span s = f.span();
      for (int i :
          s.endLine() > s.line()
              ? new int[] {s.line() - 1, s.endLine() - 1}
              : new int[] {s.line() - 1}) {
        if (i >= lines.length || !shown[i]) continue;
        String line = lines[i];
        int from = Math.min(i + 1 == s.line() ? s.column() - 1 : 0, line.length());
        int to = i + 1 == s.endLine() ? Math.min(s.endColumn() - 1, line.length()) : line.length();
        int value = from;
        while (value < to && line.charAt(value) != '=') value++;
        if (value == to) for (value = from; value < to && line.charAt(value) != ':'; ) value++;
        if (masked[i] == null) masked[i] = line.toCharArray();
        SecretMask.mask(masked[i], value < to ? value + 1 : from, to, i + 1 == s.line());
      }
    }
    for (int i = 0; i < lines.length; i++) if (masked[i] != null) lines[i] = new String(masked[i]);
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
