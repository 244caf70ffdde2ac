package dev.hardock.report;

import dev.hardock.engine.FileResult;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, which reviewdog ({@code -f=checkstyle}) and Jenkins' warnings plugin read: one
 * {@code <file>} per file scanned (and one per other file a finding stands in), one {@code <error>} per
 * finding, {@code source} is {@code hardock.HD201.latest-tag}. Severities: error, warning, info (style is written as info).
 */
public final class CheckstyleReport implements Report {
  @Override
  public void write(List<FileResult> results, Summary summary, Writer out) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for (FileResult r : results) {
      // a finding in another file than the one linted (a compose file's include) is listed under
      // that file
      Map<String, List<Finding>> byFile = new LinkedHashMap<>();
      byFile.put(r.displayPath(), new ArrayList<>());
      for (Finding f : r.findings())
        byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
      for (Map.Entry<String, List<Finding>> e : byFile.entrySet())
        file(b, e.getKey(), e.getValue());
      out.write(b.toString());
      b.setLength(0);
    }
    b.append("</checkstyle>\n");
    out.write(b.toString());
  }

  private static void file(StringBuilder b, String name, List<Finding> findings) {
    b.append("  <file name=\"").append(escape(name)).append('"');
    if (findings.isEmpty()) {
      b.append("/>\n");
      return;
    }
    b.append(">\n");
    for (Finding f : findings) {
      String severity =
          switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "info";
          };
      b.append("    <error line=\"")
          .append(f.span().line())
          .append("\" column=\"")
          .append(f.span().column())
          .append("\" severity=\"")
          .append(severity)
          .append("\" message=\"")
          .append(escape(f.message()))
          .append("\" source=\"hardock.")
          .append(f.rule().id())
          .append('.')
          .append(f.rule().slug())
          .append("\"/>\n");
    }
    b.append("  </file>\n");
  }

  /**
   * Text for an XML attribute: markup characters as entities, line breaks and tabs as character references
   * (attribute normalisation would turn them into spaces), other controls, bidi characters and unpaired
   * surrogates shown by {@link Visible} (reviewdog and Jenkins show these messages to people; XML 1.0 forbids
   * most C0 controls anyway), the non-characters U+FFFE and U+FFFF replaced by U+FFFD.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\n' -> b.append("&#10;");
        case '\r' -> b.append("&#13;");
        case '\t' -> b.append("&#9;");
        default -> {
          boolean pair =
              Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1));
          if (pair) {
            b.append(c).append(s.charAt(++i));
          } else if (Visible.unsafe(c) || Character.isSurrogate(c)) {
            b.append(Visible.line(String.valueOf(c)));
          } else if (c == '['
              && b.length() >= 2
              && b.charAt(b.length() - 1) == '#'
              && b.charAt(b.length() - 2) == '#') {
            b.append("&#91;"); // ##[ is a workflow command anywhere in a line of a CI log
            // (Visible.OLD_COMMAND)
          } else if (c == 0xFFFE || c == 0xFFFF) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
