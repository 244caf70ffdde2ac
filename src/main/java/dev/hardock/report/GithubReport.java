package dev.hardock.report;

import dev.hardock.engine.FileResult;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
 * {@code ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=HD201 latest-tag::message}. Error is
 * {@code error}, warning {@code warning}, info and style {@code notice}. Escaping as the runner decodes it:
 * {@code %}, CR and LF in the message; additionally {@code :} and {@code ,} in property values. Before that,
 * every control and bidi character is made visible by {@link Visible} (the runner decodes only those five
 * escapes, so ESC, BEL or a bidi override would otherwise reach the log and the annotation as they are).
 * Each line is a command, which the runner reads as one: the file property is not changed further (an
 * old-syntax {@code ##[} in a file name stays, so that the annotation names the real file).
 */
public final class GithubReport implements Report {
  @Override
  public void write(List<FileResult> results, Summary summary, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        String command =
            switch (f.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO, STYLE -> "notice";
            };
        b.append("::")
            .append(command)
            .append(" file=")
            .append(property(Visible.characters(r.uriOf(f))))
            .append(",line=")
            .append(f.span().line())
            .append(",col=")
            .append(f.span().column())
            .append(",endLine=")
            .append(f.span().endLine())
            .append(",endColumn=")
            .append(f.span().endColumn())
            .append(",title=")
            .append(property(f.rule().id() + " " + f.rule().slug()))
            .append("::")
            .append(data(Visible.line(f.message())))
            .append('\n');
        out.write(b.toString());
        b.setLength(0);
      }
    }
  }

  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
