package dev.hardock.source.run;

import dev.hardock.model.MappedText;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON with comments, as dev containers (and VS Code) read it: {@code //} and {@code /* *}{@code /} comments and
 * trailing commas allowed. Every value keeps its offsets; a string's value is a {@link MappedText} whose
 * characters keep theirs (an escape at its backslash), so findings point into the file. Nesting deeper than
 * {@link #MAX_DEPTH} and any syntax error are a {@link Problem} at its offset. Linear in the text.
 */
final class Jsonc {
  static final int MAX_DEPTH = 200;

  /** A value from offset {@code start} to {@code end} (exclusive). */
  sealed interface Value permits Obj, Arr, Str, Scalar {
    int start();

    int end();
  }

  /** An object; members in file order (a repeated key: the last wins in {@link #get}). */
  record Obj(List<Member> members, int start, int end) implements Value {
    Value get(String key) {
      Value found = null;
      for (Member m : members) if (m.key().text().text().equals(key)) found = m.value();
      return found;
    }

    Member member(String key) {
      Member found = null;
      for (Member m : members) if (m.key().text().text().equals(key)) found = m;
      return found;
    }
  }

  record Member(Str key, Value value) {}

  record Arr(List<Value> items, int start, int end) implements Value {}

  /** A string; {@code text} is its value, each character at its offset in the file. */
  record Str(MappedText text, int start, int end) implements Value {
    String value() {
      return text.text();
    }
  }

  /** A number, {@code true}, {@code false} or {@code null}, as written. */
  record Scalar(String raw, int start, int end) implements Value {}

  static final class Problem extends Exception {
    final int offset;

    Problem(int offset, String message) {
      super(message);
      this.offset = offset;
    }
  }

  private final String text;
  private final List<int[]> comments;
  private int i;

  private Jsonc(String text, List<int[]> comments) {
    this.text = text;
    this.comments = comments;
  }

  static Value parse(String text) throws Problem {
    return parse(text, new ArrayList<>());
  }

  /** As above; the {@code [start, end)} offsets of each comment met go to {@code comments}, also when it throws. */
  static Value parse(String text, List<int[]> comments) throws Problem {
    Jsonc p = new Jsonc(text, comments);
    p.skip();
    if (p.i >= text.length()) throw new Problem(0, "expected a JSON object, the file is empty");
    Value v = p.value(0);
    p.skip();
    if (p.i < text.length())
      throw new Problem(p.i, "unexpected text after the end of the JSON value");
    return v;
  }

  private Value value(int depth) throws Problem {
    if (depth > MAX_DEPTH) throw new Problem(i, "JSON nested deeper than " + MAX_DEPTH + " levels");
    if (i >= text.length()) throw new Problem(i, "unexpected end of the file: expected a value");
    char c = text.charAt(i);
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return string();
    int start = i;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || "+-.".indexOf(text.charAt(i)) >= 0)) i++;
    String raw = text.substring(start, i);
    if (raw.isEmpty()) throw new Problem(start, "unexpected '" + shown(c) + "': expected a value");
    if (!raw.equals("true")
        && !raw.equals("false")
        && !raw.equals("null")
        && !raw.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw new Problem(start, "'" + raw + "' is not a JSON value");
    }
    return new Scalar(raw, start, i);
  }

  private Obj object(int depth) throws Problem {
    int start = i++;
    List<Member> members = new ArrayList<>();
    while (true) {
      skip();
      if (i >= text.length()) throw new Problem(start, "unclosed object: expected '}'");
      if (text.charAt(i) == '}') {
        i++;
        return new Obj(members, start, i);
      }
      if (text.charAt(i) != '"')
        throw new Problem(i, "expected a quoted key or '}', not '" + shown(text.charAt(i)) + "'");
      Str key = string();
      skip();
      if (i >= text.length() || text.charAt(i) != ':')
        throw new Problem(i, "expected ':' after the key");
      i++;
      skip();
      members.add(new Member(key, value(depth + 1)));
      skip();
      if (i < text.length() && text.charAt(i) == ',') {
        i++;
      } else if (i >= text.length() || text.charAt(i) != '}') {
        throw new Problem(i, "expected ',' or '}'");
      }
    }
  }

  private Arr array(int depth) throws Problem {
    int start = i++;
    List<Value> items = new ArrayList<>();
    while (true) {
      skip();
      if (i >= text.length()) throw new Problem(start, "unclosed array: expected ']'");
      if (text.charAt(i) == ']') {
        i++;
        return new Arr(items, start, i);
      }
      items.add(value(depth + 1));
      skip();
      if (i < text.length() && text.charAt(i) == ',') {
        i++;
      } else if (i >= text.length() || text.charAt(i) != ']') {
        throw new Problem(i, "expected ',' or ']'");
      }
    }
  }

  private Str string() throws Problem {
    int start = i++;
    MappedText.Builder b = new MappedText.Builder();
    while (true) {
      if (i >= text.length() || text.charAt(i) == '\n')
        throw new Problem(start, "unterminated string");
      char c = text.charAt(i);
      if (c == '"') {
        i++;
        return new Str(b.build(i - 1), start, i);
      }
      if (c != '\\') {
        b.append(c, i++);
        continue;
      }
      if (i + 1 >= text.length()) throw new Problem(i, "unterminated string");
      char n = text.charAt(i + 1);
      if (n == 'u') {
        if (i + 6 > text.length()) throw new Problem(i, "bad \\u escape");
        int cp = 0;
        for (int k = i + 2; k < i + 6; k++) {
          // four ASCII hex digits: parseInt would also take a sign or the digits of other scripts
          char h = text.charAt(k);
          int d =
              h >= '0' && h <= '9'
                  ? h - '0'
                  : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0) throw new Problem(i, "bad \\u escape");
          cp = cp * 16 + d;
        }
        b.append((char) cp, i);
        i += 6;
        continue;
      }
      char d =
          switch (n) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> 0;
          };
      if (d == 0) throw new Problem(i, "bad escape \\" + shown(n));
      b.append(d, i);
      i += 2;
    }
  }

  /** Skips white space and comments. */
  private void skip() throws Problem {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') {
        i++;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        int start = i;
        while (i < text.length() && text.charAt(i) != '\n') i++;
        comments.add(new int[] {start, i});
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) throw new Problem(i, "unclosed comment");
        comments.add(new int[] {i, close + 2});
        i = close + 2;
      } else {
        return;
      }
    }
  }

  private static String shown(char c) {
    return c < ' ' || c > '~' ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
