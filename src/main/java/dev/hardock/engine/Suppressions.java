package dev.hardock.engine;

import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.SourceLayout.Comment;
import dev.hardock.model.SourceLayout.Reach;
import dev.hardock.model.SourceLayout.Statement;
import dev.hardock.model.Span;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Findings;
import dev.hardock.rule.Fix;
import dev.hardock.rule.RuleMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions, applied after a file's findings are collected: a pass over the comments and statement
 * extents its reader recorded ({@link SourceLayout}), so the comment syntax of each source lives with its reader
 * ({@code #} in Dockerfiles, YAML, shell scripts and Makefiles; {@code <!-- ... -->} in Markdown, where
 * {@code #} comments count inside code blocks; {@code //} and {@code /* *}{@code /} in dev containers (JSON with
 * comments); whole-line {@code #} and {@code ;} in systemd and Quadlet units; none in JSON). A comment holding
 * {@code hardock-ignore HD105, writable-bind-mount: reason}
 * <ul>
 *   <li>alone on a line: covers the next line that is not such a comment, with the longest statement that
 *       starts there (a Dockerfile instruction with its continued lines and heredocs, a shell command line
 *       with its continuations, a YAML entry with its value, a Markdown code block after an HTML comment);</li>
 *   <li>after code: covers its own line;</li>
 *   <li>{@code hardock-ignore-file}: covers its whole file.</li>
 * </ul>
 * A comment covers findings of its own file only (a compose file's override, {@code extends} and
 * {@code include} files have their own comments). A directive with bad syntax or an unknown rule is reported
 * as HD003 (also one without a reason when the configuration requires one); a rule named that silenced nothing
 * in its file as HD004, at the rule's name inside the comment (what removing it would delete).
 */
public final class Suppressions {
  /** What the engine keeps and what it silenced. */
  public record Applied(List<Finding> kept, List<FileResult.Suppressed> suppressed) {}

  private static final String KEYWORD = "hardock-ignore";
  private static final Pattern DIRECTIVE = Pattern.compile("hardock-ignore(-file)?(?![\\w-])(.*)");
  private static final Pattern NAMES =
      Pattern.compile("\\s+([A-Za-z0-9-]+(?:\\s*,\\s*[A-Za-z0-9-]+)*)\\s*(?::(.*))?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

  /** A rule named in a directive, with the span of its name inside the comment. */
  private record Name(String text, Span span, RuleMeta rule) {}

  private static final class Directive {
    final String file;

    /** Whether a name that silenced nothing is reported (not in a file judged only in part). */
    boolean reportUnused = true;

    final List<Name> names = new ArrayList<>();
    final boolean[] used;
    final String reason;
    final int from;
    final int to;

    /** Every rule name written (unknown ones too), and what removing the whole comment deletes (null: not alone). */
    List<Span> written = List.of();

    Span removal;

    Directive(String file, List<Name> names, String reason, int from, int to) {
      this.file = file;
      this.names.addAll(names);
      this.used = new boolean[names.size()];
      this.reason = reason;
      this.from = from;
      this.to = to;
    }

    /** HD004's fix: drop the unused name with one separator, or the whole comment when no name is left. */
    Fix removeUnused(String file, int k, boolean[] reported) {
      boolean allReported = true;
      for (boolean r : reported) allReported &= r;
      // a name used, not judged (its rule is off) or unknown (HD003) keeps the comment: only this
      // name goes
      if (allReported && written.size() == names.size() && removal != null) {
        return Fix.safe("Remove the unused suppression", new Edit(file, removal, ""));
      }
      Span name = names.get(k).span();
      int at = written.indexOf(name);
      if (at < 0 || written.size() < 2) return null;
      Span cut =
          at + 1 < written.size()
              ? name.resized(name.line(), name.column(), name.line(), written.get(at + 1).column())
              : name.resized(
                  name.line(), written.get(at - 1).endColumn(), name.line(), name.endColumn());
      return Fix.safe(
          "Remove " + names.get(k).rule().id() + " from the suppression", new Edit(file, cut, ""));
    }
  }

  /** The statements and own-line comments of one file, by line. */
  private static final class FileLines {
    /** Start line -> the last line of the longest statement that starts there. */
    final TreeMap<Integer, Integer> statements = new TreeMap<>();

    /** Lines that hold a comment alone (skipped when looking for the line a comment is about). */
    final Set<Integer> commentLines = new HashSet<>();

    /** A comment line -> the first line at or after it that holds no comment alone (filled as runs are walked). */
    final Map<Integer, Integer> pastComments = new HashMap<>();

    int nextLine(int after) {
      // a run of comment lines is walked once, not once per comment in it (100,000 directives in a
      // row)
      int target = after + 1;
      List<Integer> walked = null;
      while (commentLines.contains(target)) {
        Integer known = pastComments.get(target);
        if (known != null) {
          target = known;
          break;
        }
        if (walked == null) walked = new ArrayList<>();
        walked.add(target);
        target++;
      }
      if (walked != null) for (int w : walked) pastComments.put(w, target);
      return target;
    }

    int lastLineOf(int start) {
      return statements.getOrDefault(start, start);
    }
  }

  private Suppressions() {}

  /** Applies the suppressions of a file read here with its own reader (tests, and callers without a model). */
  public static Applied apply(SourceFile file, List<Finding> found, LintSettings settings) {
    if (file.text().indexOf(KEYWORD) < 0) return new Applied(found, List.of());
    return apply(file, Linter.layoutOf(file), found, settings);
  }

  public static Applied apply(
      SourceFile file, SourceLayout layout, List<Finding> found, LintSettings settings) {
    if (!mentionsKeyword(layout)) return new Applied(found, List.of());
    RuleMeta hd003 = settings.rules().find("HD003");
    RuleMeta hd004 = settings.rules().find("HD004");
    boolean reportInvalid =
        hd003 != null
            && settings.isActive(hd003)
            && hd003.appliesTo().contains(file.kind().judgedAs());
    boolean requireReason =
        settings.options().string("HD003", Config.REQUIRE_REASON, "false").equals("true");
    Map<String, FileLines> byFile = new HashMap<>();
    for (Statement s : layout.statements()) {
      byFile
          .computeIfAbsent(s.file(), k -> new FileLines())
          .statements
          .merge(s.span().line(), s.span().endLine(), Math::max);
    }
    for (Comment c : layout.comments()) {
      if (c.reach() == Reach.NEXT_LINE)
        byFile.computeIfAbsent(c.file(), k -> new FileLines()).commentLines.add(c.span().line());
    }
    // HD003 and HD004 are reported in the file the comment is in
    Map<String, Findings> problems = new LinkedHashMap<>();
    List<Directive> directives = new ArrayList<>();
    for (Comment c : layout.comments()) {
      String l = c.text();
      int k = l.indexOf(KEYWORD);
      if (k < 0) continue;
      Matcher d = DIRECTIVE.matcher(l);
      if (!d.find(k)) continue;
      Findings invalid =
          problems.computeIfAbsent(
              c.file(), f -> new Findings(f, file.kind(), settings.severities()));
      String body = d.group(2);
      if (l.startsWith("<!--") || l.startsWith("/*")) {
        int close = body.indexOf(l.startsWith("/*") ? "*/" : "-->");
        if (close >= 0) body = body.substring(0, close);
      }
      body = body.stripTrailing();
      int bodyEnd = d.start(2) + body.length();
      int lineNo = c.span().line();
      int col = c.span().column();
      int keywordEnd =
          d.start() + (d.group(1) == null ? KEYWORD.length() : (KEYWORD + "-file").length());
      // a comment's text is its line from its column on: spans inside it never pass its end
      int last = c.span().endLine() == lineNo ? c.span().endColumn() : Integer.MAX_VALUE;
      Span whole =
          c.span()
              .resized(
                  lineNo,
                  Math.min(col + d.start(), last),
                  lineNo,
                  Math.min(col + Math.max(bodyEnd, keywordEnd), last));
      Matcher n = NAMES.matcher(body);
      if (!n.matches()) {
        if (reportInvalid)
          invalid.report(
              hd003, whole, "bad suppression: expected hardock-ignore RULE[, RULE...]: reason");
        continue;
      }
      String reason = n.group(2) == null ? "" : n.group(2).strip();
      if (requireReason && reason.isEmpty() && reportInvalid) {
        invalid.report(
            hd003,
            whole,
            "suppression without a reason: add ': why this is acceptable' (the configuration requires one)");
      }
      List<Name> names = new ArrayList<>();
      List<Span> written = new ArrayList<>();
      Matcher each = NAME.matcher(n.group(1));
      int base = d.start(2) + n.start(1);
      while (each.find()) {
        Span s =
            c.span()
                .resized(
                    lineNo,
                    Math.min(col + base + each.start(), last),
                    lineNo,
                    Math.min(col + base + each.end(), last));
        written.add(s);
        RuleMeta m = settings.rules().find(each.group());
        if (m == null) {
          if (reportInvalid)
            invalid.report(hd003, s, "suppression names an unknown rule '" + each.group() + "'");
          continue;
        }
        names.add(new Name(each.group(), s, m));
      }
      if (names.isEmpty()) continue;
      FileLines lines = byFile.getOrDefault(c.file(), new FileLines());
      int from;
      int to;
      if (d.group(1) != null) {
        from = 1;
        to = Integer.MAX_VALUE;
      } else if (c.reach() == Reach.LINE) {
        from = lineNo;
        to = lineNo;
      } else if (c.reach() == Reach.NEXT_STATEMENT) {
        Integer next = lines.statements.higherKey(lineNo);
        // nothing follows: it silences nothing, which HD004 says
        from = next == null ? Integer.MAX_VALUE : next;
        to = next == null ? 0 : lines.lastLineOf(next);
      } else {
        from = lines.nextLine(lineNo);
        to = lines.lastLineOf(from);
      }
      Directive dir = new Directive(c.file(), names, reason, from, to);
      dir.reportUnused = !layout.isPartial(c.file());
      directives.add(dir);
      dir.written = written;
      dir.removal =
          c.file().equals(file.displayPath()) ? removal(file, c, d.start(), bodyEnd) : null;
      // a heredoc body is content (a file COPY writes, a command's input): HD004 reports, never
      // edits it
      if (layout.isContent(c.file(), lineNo)) {
        dir.removal = null;
        dir.written = List.of();
      }
    }
    List<Finding> kept = new ArrayList<>();
    List<FileResult.Suppressed> suppressed = new ArrayList<>();
    // HD004 is decided after matching the findings; HD003/HD004 themselves can be silenced by the
    // file-wide form
    suppress(found, directives, kept, suppressed);
    for (Findings p : problems.values()) suppress(p.all(), directives, kept, suppressed);
    if (hd004 != null
        && settings.isActive(hd004)
        && hd004.appliesTo().contains(file.kind().judgedAs())) {
      Map<String, Findings> unused = new LinkedHashMap<>();
      for (Directive dir : directives) {
        if (!dir.reportUnused) continue;
        boolean[] reported = new boolean[dir.names.size()];
        for (int k = 0; k < dir.names.size(); k++) {
          RuleMeta m = dir.names.get(k).rule();
          reported[k] =
              !(dir.used[k]
                  || m == hd003
                  || m == hd004
                  || !settings.isActive(m)
                  || !m.appliesTo().contains(file.kind().judgedAs()));
        }
        for (int k = 0; k < dir.names.size(); k++) {
          if (!reported[k]) continue;
          RuleMeta m = dir.names.get(k).rule();
          unused
              .computeIfAbsent(dir.file, f -> new Findings(f, file.kind(), settings.severities()))
              .report(
                  hd004,
                  dir.names.get(k).span(),
                  "suppression of " + m.id() + " " + m.slug() + " matches no finding: remove it",
                  dir.removeUnused(dir.file, k, reported));
        }
      }
      for (Findings u : unused.values()) suppress(u.all(), directives, kept, suppressed);
    }
    kept.sort(Finding.inFileOrder(file.displayPath()));
    return new Applied(kept, suppressed);
  }

  private static boolean mentionsKeyword(SourceLayout layout) {
    for (Comment c : layout.comments()) if (c.text().contains(KEYWORD)) return true;
    return false;
  }

  /**
   * What removing a whole directive comment deletes: its line (with the line end) when it stands alone, else
   * the comment and the blanks before it; null when the comment holds more than the directive ({@code # note:
   * hardock-ignore ...}), which a fix must not delete. {@code directiveAt} and {@code bodyEnd} index the comment's text.
   */
  private static Span removal(SourceFile file, Comment c, int directiveAt, int bodyEnd) {
    String t = c.text();
    boolean html = t.startsWith("<!--");
    boolean block = t.startsWith("/*");
    String lead = t.substring(0, directiveAt);
    if (!(html ? lead.matches("<!--\\s*") : lead.matches("(#|//|;|/\\*)\\s*"))) return null;
    String tail = t.substring(bodyEnd);
    if (html
        ? !tail.matches("\\s*-->\\s*")
        : block ? !tail.matches("\\s*\\*/\\s*") : !tail.isBlank()) return null;
    Span at = c.span();
    if (at.line() != at.endLine()) return null;
    LineIndex lines = file.lines();
    int lineNo = at.line();
    int start = lines.lineStart(lineNo);
    int end = lineNo < lines.lineCount() ? lines.lineStart(lineNo + 1) : file.text().length();
    while (end > start
        && (file.text().charAt(end - 1) == '\n' || file.text().charAt(end - 1) == '\r')) end--;
    String l = file.text().substring(start, end);
    boolean alone =
        l.substring(0, at.column() - 1).isBlank()
            && l.substring(Math.min(l.length(), at.endColumn() - 1)).isBlank();
    if (alone) {
      return lineNo < lines.lineCount()
          ? at.resized(lineNo, 1, lineNo + 1, 1)
          : at.resized(lineNo, 1, lineNo, l.length() + 1);
    }
    if (html || c.reach() != Reach.LINE) return null;
    int from = at.column() - 1;
    while (from > 0 && (l.charAt(from - 1) == ' ' || l.charAt(from - 1) == '\t')) from--;
    return at.resized(lineNo, from + 1, lineNo, l.length() + 1);
  }

  /**
   * Where a directive alone on a line silences a finding on {@code line} (1-based), for the language server's
   * "suppress here": inserted before line {@code before}, after {@code indent}, between {@code open} and
   * {@code close}. The line is the first of the innermost statement its reader recorded around the finding (a
   * Dockerfile instruction with its continued lines and heredocs, a continued shell line, a YAML entry such as the
   * key of a block scalar, a Markdown code block from its fence), so the comment never lands inside what it covers
   * and covers that statement. Null where the file has no comments (JSON).
   */
  public record Placement(int before, String indent, String open, String close) {
    /** The directive's line, with its line end. */
    public String line(String ruleId, String reason) {
      return prefix(ruleId) + reason + suffix();
    }

    /** What comes before the reason. */
    public String prefix(String ruleId) {
      return indent + open + "hardock-ignore " + ruleId + ": ";
    }

    /** What comes after the reason, the line end included. */
    public String suffix() {
      return close + "\n";
    }
  }

  public static Placement placement(SourceFile file, int line) {
    if (file.kind() == SourceKind.DAEMON) return null;
    String name = file.displayPath().toLowerCase(Locale.ROOT);
    boolean markdown =
        file.kind() == SourceKind.RUN && (name.endsWith(".md") || name.endsWith(".markdown"));
    LineIndex lines = file.lines();
    int count = lines.lineCount();
    // the comment opener of the file's own syntax: // in JSON with comments (dev containers), #
    // elsewhere
    String open = file.kind() == SourceKind.DEVCONTAINER ? "// " : "# ";
    if (file.text().isEmpty()) return new Placement(1, "", open, "");
    int at = Math.max(1, Math.min(line, count));
    // the innermost statement around the line (the latest start among those that hold it); in
    // Markdown the
    // outermost, the code block from its fence, since an HTML comment annotates the block that
    // follows it
    int start = at;
    int best = 0;
    for (Statement st : Linter.layoutOf(file).statements()) {
      if (!st.file().equals(file.displayPath())) continue;
      Span sp = st.span();
      if (sp.line() > at || sp.endLine() < at) continue;
      if (best == 0 || (markdown ? sp.line() < best : sp.line() > best)) best = sp.line();
    }
    if (best > 0) start = best;
    int from = lines.lineStart(start);
    int to = start < count ? lines.lineStart(start + 1) : file.text().length();
    String l = file.text().substring(from, to);
    int k = 0;
    while (k < l.length()
        && (l.charAt(k) == ' ' || l.charAt(k) == '\t' || (markdown && l.charAt(k) == '>'))) k++;
    return markdown
        ? new Placement(start, l.substring(0, k), "<!-- ", " -->")
        : new Placement(start, l.substring(0, k), open, "");
  }

  /**
   * Each finding is silenced by the first directive (in comment order) of its file whose lines hold it and that
   * names its rule. Found for all findings at once, per file and rule, by a sweep over the lines: the directives
   * that start at or before a line are in a heap by their order, and those that end before it leave the top
   * for good (lines only grow). Scanning every directive for each finding was quadratic: a 4 MB Dockerfile of
   * directives and the findings they silence took over a minute.
   */
  private static void suppress(
      List<Finding> findings,
      List<Directive> directives,
      List<Finding> kept,
      List<FileResult.Suppressed> out) {
    if (findings.isEmpty()) return;
    // (file, rule) -> the directives naming it, in order, each with the index of the first such
    // name
    Map<List<String>, List<int[]>> naming = new HashMap<>();
    for (int i = 0; i < directives.size(); i++) {
      Directive d = directives.get(i);
      Set<String> seen = new HashSet<>();
      for (int k = 0; k < d.names.size(); k++) {
        String id = d.names.get(k).rule().id();
        if (seen.add(id))
          naming.computeIfAbsent(List.of(d.file, id), x -> new ArrayList<>()).add(new int[] {i, k});
      }
    }
    Map<List<String>, List<Integer>> asked = new HashMap<>();
    for (int j = 0; j < findings.size(); j++) {
      Finding f = findings.get(j);
      List<String> key = List.of(f.file(), f.rule().id());
      if (naming.containsKey(key)) asked.computeIfAbsent(key, x -> new ArrayList<>()).add(j);
    }
    int[][] match = new int[findings.size()][];
    for (Map.Entry<List<String>, List<Integer>> e : asked.entrySet()) {
      List<int[]> byStart = new ArrayList<>(naming.get(e.getKey()));
      byStart.sort((x, y) -> Integer.compare(directives.get(x[0]).from, directives.get(y[0]).from));
      List<Integer> which = e.getValue();
      which.sort(
          (x, y) -> Integer.compare(findings.get(x).span().line(), findings.get(y).span().line()));
      java.util.PriorityQueue<int[]> open =
          new java.util.PriorityQueue<>((x, y) -> Integer.compare(x[0], y[0]));
      int next = 0;
      for (int j : which) {
        int line = findings.get(j).span().line();
        while (next < byStart.size() && directives.get(byStart.get(next)[0]).from <= line)
          open.add(byStart.get(next++));
        while (!open.isEmpty() && directives.get(open.peek()[0]).to < line) open.poll();
        if (!open.isEmpty()) match[j] = open.peek();
      }
    }
    for (int j = 0; j < findings.size(); j++) {
      Finding f = findings.get(j);
      if (match[j] == null) {
        kept.add(f);
        continue;
      }
      Directive d = directives.get(match[j][0]);
      d.used[match[j][1]] = true;
      out.add(new FileResult.Suppressed(f, "inSource", d.reason));
    }
  }
}
