package dev.hardock.source.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's heredoc markers: a word {@code [fd]<<[-]NAME} on a RUN, COPY or ADD line, where NAME may be
 * quoted ({@code <<"EOF"}, {@code <<'EOF'}: no expansion in the body) and must be one word.
 */
final class Heredocs {
  record Marker(String name, boolean chomp, boolean expand, int wordStart, int wordEnd) {}

  private Heredocs() {}

  static boolean allowedFor(String keyword) {
    return keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD");
  }

  /** Heredoc markers among the words of a logical line, split as a shell would with quotes kept. */
  static List<Marker> markers(CharSequence line, char escape) {
    List<Marker> out = new ArrayList<>(1);
    if (indexOf(line, "<<") < 0) return out;
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && isBlank(line.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      char quote = 0;
      while (i < n) {
        char c = line.charAt(i);
        if (quote != 0) {
          if (c == quote) quote = 0;
          else if (c == '\\' && quote == '"' && i + 1 < n) i++;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < n) {
          i++;
        } else if (isBlank(c)) {
          break;
        }
        i++;
      }
      Marker m = parse(line.subSequence(start, i).toString(), start, i);
      if (m != null) out.add(m);
    }
    return out;
  }

  private static Marker parse(String word, int start, int end) {
    int i = 0;
    while (i < word.length() && Character.isDigit(word.charAt(i))) i++;
    if (!word.startsWith("<<", i)) return null;
    i += 2;
    boolean chomp = i < word.length() && word.charAt(i) == '-';
    if (chomp) i++;
    String rest = word.substring(i);
    if (rest.isEmpty() || rest.indexOf('<') >= 0) return null;
    StringBuilder name = new StringBuilder();
    boolean quoted = false;
    char quote = 0;
    for (int k = 0; k < rest.length(); k++) {
      char c = rest.charAt(k);
      if (quote != 0) {
        if (c == quote) quote = 0;
        else if (c == '\\' && quote == '"' && k + 1 < rest.length()) name.append(rest.charAt(++k));
        else name.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        quoted = true;
      } else if (c == '\\' && k + 1 < rest.length()) {
        name.append(rest.charAt(++k));
        quoted = true;
      } else {
        name.append(c);
      }
    }
    if (quote != 0 || name.length() == 0) return null;
    return new Marker(name.toString(), chomp, !quoted, start, end);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
  }

  private static int indexOf(CharSequence s, String needle) {
    if (s instanceof String str) return str.indexOf(needle);
    if (s instanceof StringBuilder sb) return sb.indexOf(needle);
    if (s instanceof dev.hardock.model.MappedText m) return m.text().indexOf(needle);
    int n = s.length() - needle.length();
    outer:
    for (int i = 0; i <= n; i++) {
      for (int k = 0; k < needle.length(); k++)
        if (s.charAt(i + k) != needle.charAt(k)) continue outer;
      return i;
    }
    return -1;
  }
}
