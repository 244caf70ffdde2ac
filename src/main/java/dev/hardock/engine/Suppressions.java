package dev.hardock.engine;

import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Findings;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.source.run.MarkdownBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions, applied after a file's findings are collected, from the file's raw text and kind:
 * {@code # hardock-ignore HD105, writable-bind-mount: reason} in the comment syntax of the source
 * ({@code #} in Dockerfiles, compose and CI YAML, shell scripts, Makefiles; {@code <!-- ... -->} in Markdown,
 * where {@code #} comments count inside fenced code blocks only; none in JSON).
 * <ul>
 *   <li>alone on a line: covers the next line that is not a comment, with its continuation (a Dockerfile
 *       instruction with its continued lines and heredocs, a shell line ending in {@code \}, a YAML key with
 *       the more indented lines below it, a Markdown code block after an HTML comment);</li>
 *   <li>after code: covers its own line;</li>
 *   <li>{@code hardock-ignore-file}: covers the whole file.</li>
 * </ul>
 * A directive with bad syntax or an unknown rule is reported as HD003 (also one without a reason when the
 * configuration requires one); a rule named that silenced nothing in the file as HD004.
 */
public final class Suppressions {
  /** What the engine keeps and what it silenced. */
  public record Applied(List<Finding> kept, List<FileResult.Suppressed> suppressed) { }

  /**
   * A file's comment syntax. SLASHES: {@code //} comments of JSON with comments (dev containers); UNIT: whole-line
   * {@code #} and {@code ;} comments of systemd and Quadlet units (a {@code #} after a value is part of it).
   */
  private enum Syntax { HASH, MARKDOWN, NONE, SLASHES, UNIT }

  private static final Pattern DIRECTIVE = Pattern.compile("hardock-ignore(-file)?(?![\\w-])(.*)");
  private static final Pattern NAMES = Pattern.compile("\\s+([A-Za-z0-9-]+(?:\\s*,\\s*[A-Za-z0-9-]+)*)\\s*(?::(.*))?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");

  private record Name(String text, Span span, RuleMeta rule) { }

  private static final class Directive {
    final List<Name> names = new ArrayList<>();
    final boolean[] used;
    final String reason;
    final int from;
    final int to;

    Directive(List<Name> names, String reason, int from, int to) {
      this.names.addAll(names);
      this.used = new boolean[names.size()];
      this.reason = reason;
      this.from = from;
      this.to = to;
    }
  }

  private Suppressions() { }

  public static Applied apply(SourceFile file, List<Finding> found, LintSettings settings) {
    Syntax syntax = syntaxOf(file);
    if (syntax == Syntax.NONE || file.text().indexOf("hardock-ignore") < 0) return new Applied(found, List.of());
    Findings problems = new Findings(file.displayPath(), file.kind(), settings.severities());
    RuleMeta hd003 = RuleRegistry.find("HD003");
    RuleMeta hd004 = RuleRegistry.find("HD004");
    boolean reportInvalid = hd003 != null && settings.isActive(hd003) && hd003.appliesTo().contains(file.kind().judgedAs());
    boolean requireReason = settings.options().string("HD003", Config.REQUIRE_REASON, "false").equals("true");
    String[] lines = file.lines().texts(file.text());
    List<Directive> directives = new ArrayList<>();
    // Markdown: where each line's code starts (-1 outside code blocks), and the lines each block spans
    MarkdownCode md = syntax == Syntax.MARKDOWN ? MarkdownCode.of(file, lines.length) : null;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int commentAt;
      int codeFrom = 0;
      boolean html = false;
      boolean inFence = false;
      if (md != null) {
        codeFrom = md.codeColumn[i];
        if (codeFrom >= 0) {
          inFence = true;
          int c = hashComment(l.substring(codeFrom));
          commentAt = c < 0 ? -1 : c + codeFrom;
        } else {
          codeFrom = MarkdownCode.markers(l);
          if (!l.startsWith("<!--", codeFrom)) continue;
          commentAt = codeFrom;
          html = true;
        }
      } else {
        commentAt = commentAt(l, syntax);
      }
      if (commentAt < 0) continue;
      Matcher d = DIRECTIVE.matcher(l);
      if (!d.find(commentAt)) continue;
      String body = d.group(2);
      if (html) {
        int close = body.indexOf("-->");
        if (close >= 0) body = body.substring(0, close);
      }
      body = body.stripTrailing();
      int bodyEnd = d.start(2) + body.length();
      int lineNo = i + 1;
      int keywordEnd = d.start() + (d.group(1) == null ? "hardock-ignore".length() : "hardock-ignore-file".length());
      Span whole = new Span(lineNo, d.start() + 1, lineNo, Math.max(bodyEnd, keywordEnd) + 1);
      boolean ownLine = l.substring(codeFrom, commentAt).isBlank();
      Matcher n = NAMES.matcher(body);
      if (!n.matches()) {
        if (reportInvalid) problems.report(hd003, whole, "bad suppression: expected hardock-ignore RULE[, RULE...]: reason");
        continue;
      }
      String reason = n.group(2) == null ? "" : n.group(2).strip();
      if (requireReason && reason.isEmpty() && reportInvalid) {
        problems.report(hd003, whole, "suppression without a reason: add ': why this is acceptable' (the configuration requires one)");
      }
      List<Name> names = new ArrayList<>();
      Matcher each = NAME.matcher(n.group(1));
      int base = d.start(2) + n.start(1);
      while (each.find()) {
        Span s = new Span(lineNo, base + each.start() + 1, lineNo, base + each.end() + 1);
        RuleMeta m = RuleRegistry.find(each.group());
        if (m == null) {
          if (reportInvalid) problems.report(hd003, s, "suppression names an unknown rule '" + each.group() + "'");
          continue;
        }
        names.add(new Name(each.group(), s, m));
      }
      if (names.isEmpty()) continue;
      int from;
      int to;
      if (d.group(1) != null) {
        from = 1;
        to = Integer.MAX_VALUE;
      } else if (!ownLine) {
        from = lineNo;
        to = lineNo;
      } else {
        int target = i + 1;
        if (html) {
          while (target < lines.length && lines[target].substring(MarkdownCode.markers(lines[target])).isBlank()) target++;
        } else {
          while (target < lines.length && commentOnly(lines[target], md == null ? 0 : Math.max(0, md.codeColumn[target]), syntax)) {
            target++;
          }
        }
        if (target >= lines.length) {
          // nothing follows: it silences nothing, which HD004 says
          directives.add(new Directive(names, reason, lines.length + 1, lines.length));
          continue;
        }
        from = target + 1;
        to = html ? md.blockEnd(target) + 1 : extent(lines, target, file.kind(), syntax, inFence) + 1;
      }
      directives.add(new Directive(names, reason, from, to));
    }
    List<Finding> kept = new ArrayList<>();
    List<FileResult.Suppressed> suppressed = new ArrayList<>();
    List<Finding> all = new ArrayList<>(found);
    // HD004 is decided after matching the findings; HD003/HD004 themselves can be silenced by the file-wide form
    for (Finding f : all) suppress(f, directives, kept, suppressed);
    for (Finding f : problems.all()) suppress(f, directives, kept, suppressed);
    if (hd004 != null && settings.isActive(hd004) && hd004.appliesTo().contains(file.kind().judgedAs())) {
      Findings unused = new Findings(file.displayPath(), file.kind(), settings.severities());
      for (Directive dir : directives) {
        for (int k = 0; k < dir.names.size(); k++) {
          RuleMeta m = dir.names.get(k).rule();
          if (dir.used[k] || m == hd003 || m == hd004 || !settings.isActive(m) || !m.appliesTo().contains(file.kind().judgedAs())) continue;
          unused.report(hd004, dir.names.get(k).span(), "suppression of " + m.id() + " " + m.slug() + " matches no finding: remove it");
        }
      }
      for (Finding f : unused.all()) suppress(f, directives, kept, suppressed);
    }
    kept.sort(null);
    return new Applied(kept, suppressed);
  }

  private static void suppress(Finding f, List<Directive> directives, List<Finding> kept, List<FileResult.Suppressed> out) {
    for (Directive d : directives) {
      if (f.span().line() < d.from || f.span().line() > d.to) continue;
      for (int k = 0; k < d.names.size(); k++) {
        if (d.names.get(k).rule().id().equals(f.rule().id())) {
          d.used[k] = true;
          out.add(new FileResult.Suppressed(f, "inSource", d.reason));
          return;
        }
      }
    }
    kept.add(f);
  }

  private static Syntax syntaxOf(SourceFile file) {
    if (file.kind() == SourceKind.DAEMON) return Syntax.NONE;
    if (file.kind() == SourceKind.DEVCONTAINER) return Syntax.SLASHES;
    if (file.kind() == SourceKind.QUADLET || file.kind() == SourceKind.SYSTEMD) return Syntax.UNIT;
    String name = file.displayPath().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) return Syntax.MARKDOWN;
    if (name.endsWith(".json")) return Syntax.NONE;
    return Syntax.HASH;
  }

  /** A line (from {@code from}) that holds only a comment. */
  private static boolean commentOnly(String l, int from, Syntax syntax) {
    String code = l.substring(Math.min(from, l.length()));
    return !code.isBlank() && commentAt(code, syntax) == code.length() - code.stripLeading().length();
  }

  /** Offset of the comment that a line holds in the file's syntax, or -1. */
  private static int commentAt(String l, Syntax syntax) {
    return switch (syntax) {
      case SLASHES -> slashComment(l);
      case UNIT -> {
        int k = l.length() - l.stripLeading().length();
        yield k < l.length() && (l.charAt(k) == '#' || l.charAt(k) == ';') ? k : -1;
      }
      default -> hashComment(l);
    };
  }

  /** Offset of a {@code //} (or {@code /*}) comment outside JSON strings, or -1. */
  private static int slashComment(String l) {
    boolean inString = false;
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '/' && i + 1 < l.length() && (l.charAt(i + 1) == '/' || l.charAt(i + 1) == '*')) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The code blocks of a Markdown file as {@link MarkdownBlocks} reads them (also inside block quotes and list
   * items): the column each code line starts at, and for a line that opens a block, the block's last line.
   */
  private static final class MarkdownCode {
    final int[] codeColumn;
    final int[] blockLast;

    private MarkdownCode(int n) {
      codeColumn = new int[n];
      blockLast = new int[n];
      java.util.Arrays.fill(codeColumn, -1);
      java.util.Arrays.fill(blockLast, -1);
    }

    static MarkdownCode of(SourceFile file, int n) {
      MarkdownCode m = new MarkdownCode(n);
      for (MarkdownBlocks.CodeBlock b : MarkdownBlocks.read(file.text(), file.lines())) {
        if (b.lines().isEmpty()) continue;
        int first = file.lines().line(b.lines().get(0)[0]) - 1;
        int last = file.lines().line(b.lines().get(b.lines().size() - 1)[0]) - 1;
        for (int[] r : b.lines()) {
          int line = file.lines().line(r[0]) - 1;
          if (line < n) m.codeColumn[line] = r[0] - file.lines().lineStart(line + 1);
        }
        // a fenced block opens on the line of its fence, an indented one on its first line
        int opens = b.tag() != null ? first - 1 : first;
        if (opens >= 0 && opens < n) m.blockLast[opens] = last + (b.tag() != null ? 1 : 0);
      }
      return m;
    }

    /** The last line a directive above line {@code target} covers: the whole code block that opens there. */
    int blockEnd(int target) {
      return blockLast[target] >= 0 ? Math.min(blockLast[target], codeColumn.length - 1) : target;
    }

    /** Offset past block-quote markers ({@code >}), list markers ({@code -}, {@code 1.}) and indentation. */
    static int markers(String l) {
      int k = 0;
      while (k < l.length()) {
        char c = l.charAt(k);
        if (c == '>' || c == ' ' || c == '\t') {
          k++;
        } else if ((c == '-' || c == '*' || c == '+') && k + 1 < l.length() && (l.charAt(k + 1) == ' ' || l.charAt(k + 1) == '\t')) {
          k += 2;
        } else if (Character.isDigit(c)) {
          int d = k;
          while (d < l.length() && d - k < 9 && Character.isDigit(l.charAt(d))) d++;
          if (d + 1 < l.length() && (l.charAt(d) == '.' || l.charAt(d) == ')') && (l.charAt(d + 1) == ' ' || l.charAt(d + 1) == '\t')) {
            k = d + 2;
          } else {
            break;
          }
        } else {
          break;
        }
      }
      return k;
    }
  }

  /** Offset of a {@code #} that starts a comment (first on the line, or after whitespace), or -1. */
  private static int hashComment(String l) {
    for (int i = 0; i < l.length(); i++) {
      if (l.charAt(i) == '#' && (i == 0 || Character.isWhitespace(l.charAt(i - 1)))) return i;
      if (l.charAt(i) == '\'' || l.charAt(i) == '"') {
        // a # inside quotes is not a comment: skip the quoted part (unterminated: the rest of the line)
        int close = l.indexOf(l.charAt(i), i + 1);
        if (close < 0) return -1;
        i = close;
      }
    }
    return -1;
  }

  /** 0-based index of the last line of the statement that starts at line index {@code start}. */
  private static int extent(String[] lines, int start, SourceKind kind, Syntax syntax, boolean inFence) {
    String first = lines[start];
    if (syntax == Syntax.SLASHES) {
      // JSON with comments: a member with the lines indented below it (an array or object it opens)
      int indent = first.length() - first.stripLeading().length();
      int last = start;
      for (int i = start + 1; i < lines.length && !lines[i].isBlank()
          && lines[i].length() - lines[i].stripLeading().length() > indent; i++) last = i;
      return last;
    }
    boolean yaml = kind == SourceKind.COMPOSE || (!inFence && syntax == Syntax.HASH && kind != SourceKind.DOCKERFILE
        && (first.stripTrailing().endsWith(":") || first.stripTrailing().matches(".*:\\s*[|>][-+0-9]*")
            || first.stripLeading().startsWith("- ")));
    if (yaml && kind != SourceKind.DOCKERFILE) {
      int indent = first.length() - first.stripLeading().length();
      if (first.stripLeading().startsWith("- ")) indent += 1; // a list item: its nested keys are indented past the dash
      int last = start;
      for (int i = start + 1; i < lines.length; i++) {
        if (lines[i].isBlank()) continue;
        if (lines[i].length() - lines[i].stripLeading().length() <= indent) break;
        last = i;
      }
      if (last > start || kind == SourceKind.COMPOSE) return last;
    }
    char escape = kind == SourceKind.DOCKERFILE ? escapeChar(lines) : '\\';
    int i = start;
    List<String[]> heredocs = new ArrayList<>();
    while (true) {
      String l = lines[i];
      if (kind == SourceKind.DOCKERFILE) {
        Matcher h = HEREDOC.matcher(l);
        while (h.find()) heredocs.add(new String[] {h.group(1), h.group(3)});
      }
      String t = l.stripTrailing();
      if (t.isEmpty() || t.charAt(t.length() - 1) != escape || i + 1 >= lines.length) break;
      i++;
      // BuildKit skips comment and blank lines inside a continued instruction
      while (kind == SourceKind.DOCKERFILE && i + 1 < lines.length
          && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#"))) {
        i++;
      }
    }
    for (String[] h : heredocs) {
      for (int k = i + 1; k < lines.length; k++) {
        String body = h[0].isEmpty() ? lines[k] : lines[k].stripLeading();
        if (body.equals(h[1])) {
          i = k;
          break;
        }
        if (k == lines.length - 1) i = k;
      }
    }
    return i;
  }

  /** The Dockerfile escape character: {@code \} unless a {@code # escape=`} parser directive says otherwise. */
  private static char escapeChar(String[] lines) {
    for (String l : lines) {
      Matcher m = Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$", Pattern.CASE_INSENSITIVE).matcher(l);
      if (m.find()) return m.group(1).charAt(0);
      if (!l.startsWith("#")) break; // directives only stand at the very top
    }
    return '\\';
  }
}
