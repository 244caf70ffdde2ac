package dev.hardock.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expected findings written into fixtures. One syntax everywhere:
 * <ul>
 *   <li>{@code # expect: HD105 @9-24} after code applies to its own line (not in Dockerfiles, where a
 *       {@code #} inside an instruction is not a comment);</li>
 *   <li>a marker alone on a line ({@code # expect: ...}, {@code // expect:}, {@code <!-- expect: ... -->})
 *       applies to the next line that is not a marker;</li>
 *   <li>{@code @9-24} is column 9 to end column 24 (exclusive) on that line; {@code @9-12:4} ends on line 12
 *       column 4; several expectations are separated by commas;</li>
 *   <li>where a comment would change the input, a side-car {@code <fixture>.expect} holds lines such as
 *       {@code 12:9-24 HD501} or {@code 12:9-13:4 HD501}.</li>
 * </ul>
 */
final class Expectations {
  /** One expected finding. */
  record Expected(String ruleId, int line, int column, int endLine, int endColumn)
      implements Comparable<Expected> {
    @Override
    public int compareTo(Expected o) {
      int c = Integer.compare(line, o.line);
      if (c != 0) return c;
      c = Integer.compare(column, o.column);
      return c != 0 ? c : ruleId.compareTo(o.ruleId);
    }

    @Override
    public String toString() {
      return ruleId
          + " "
          + line
          + ":"
          + column
          + "-"
          + (endLine == line ? "" : endLine + ":")
          + endColumn;
    }
  }

  private static final Pattern MARKER =
      Pattern.compile("(?:#|//|<!--)\\s*expect:\\s*(.*?)\\s*(?:-->)?\\s*$");
  private static final Pattern ONE = Pattern.compile("(HD\\d{3})\\s*@(\\d+)-(?:(\\d+):)?(\\d+)");
  private static final Pattern SIDECAR =
      Pattern.compile("(\\d+):(\\d+)-(?:(\\d+):)?(\\d+)\\s+(HD\\d{3})");

  private Expectations() {}

  static List<Expected> read(Path fixture) throws IOException {
    List<Expected> out = new ArrayList<>();
    Path sidecar = fixture.resolveSibling(fixture.getFileName() + ".expect");
    if (Files.exists(sidecar)) {
      for (String l : Files.readAllLines(sidecar)) {
        if (l.isBlank() || l.startsWith("#")) continue;
        Matcher m = SIDECAR.matcher(l.trim());
        if (!m.matches()) throw new IllegalArgumentException(sidecar + ": bad expectation: " + l);
        int line = Integer.parseInt(m.group(1));
        int endLine = m.group(3) == null ? line : Integer.parseInt(m.group(3));
        out.add(
            new Expected(
                m.group(5),
                line,
                Integer.parseInt(m.group(2)),
                endLine,
                Integer.parseInt(m.group(4))));
      }
    }
    String[] lines = Files.readString(fixture).split("\r\n|\r|\n", -1);
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      Matcher m = MARKER.matcher(l);
      boolean found = m.find();
      String before = found ? l.substring(0, m.start()).trim() : l;
      if (found && before.isEmpty()) {
        pending.add(m.group(1));
        continue;
      }
      int lineNo = i + 1;
      for (String p : pending) parse(p, lineNo, fixture, out);
      pending.clear();
      if (found) parse(m.group(1), lineNo, fixture, out);
    }
    if (!pending.isEmpty())
      throw new IllegalArgumentException(fixture + ": a marker at the end applies to no line");
    out.sort(null);
    return out;
  }

  private static void parse(String spec, int line, Path fixture, List<Expected> out) {
    for (String part : spec.split(",")) {
      Matcher m = ONE.matcher(part.trim());
      if (!m.matches())
        throw new IllegalArgumentException(
            fixture + ":" + line + ": bad expectation '" + part + "'");
      int endLine = m.group(3) == null ? line : Integer.parseInt(m.group(3));
      out.add(
          new Expected(
              m.group(1),
              line,
              Integer.parseInt(m.group(2)),
              endLine,
              Integer.parseInt(m.group(4))));
    }
  }
}
