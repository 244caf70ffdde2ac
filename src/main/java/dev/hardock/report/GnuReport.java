package dev.hardock.report;

import dev.hardock.engine.FileResult;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One line per finding, {@code path:line:col: severity: message [HD201 latest-tag]}: the path first and as
 * given, so IDE output filters and compiler problem matchers pick it up. Colour only when asked for. The
 * path and the message are escaped by {@link Visible}: one finding is one line.
 */
public final class GnuReport implements Report {
  private final boolean color;

  public GnuReport(boolean color) {
    this.color = color;
  }

  @Override
  public void write(List<FileResult> results, Summary summary, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        b.setLength(0);
        b.append(
            paint(
                Visible.pathAtLineStart(f.file())
                    + ":"
                    + f.span().line()
                    + ":"
                    + f.span().column()
                    + ":",
                "1"));
        b.append(' ').append(paint(f.severity().id() + ":", TextReport.colorOf(f.severity())));
        b.append(' ').append(Visible.line(f.message()));
        b.append(' ').append(paint("[" + f.rule().id() + " " + f.rule().slug() + "]", "2"));
        b.append('\n');
        out.write(b.toString());
      }
    }
  }

  private String paint(String s, String code) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
