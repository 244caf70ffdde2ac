package dev.hardock.source.dockerfile;

import dev.hardock.model.MappedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the exec (JSON) form {@code ["a", "b"]}. As in BuildKit: text that is not valid JSON is shell form;
 * a valid JSON array with an element that is not a string is an error.
 */
final class JsonArray {
  enum Outcome {
    STRINGS,
    NOT_JSON,
    NOT_STRING_ARRAY
  }

  /** An element: its decoded value and the mapped range of the string literal, quotes included. */
  record Element(String value, int start, int end) {}

  record Result(Outcome outcome, List<Element> elements) {}

  private static final int MAX_DEPTH = 256;
  private final MappedText s;
  private int p;
  private boolean nonString;

  private JsonArray(MappedText s) {
    this.s = s;
  }

  static Result parse(MappedText s) {
    JsonArray r = new JsonArray(s);
    List<Element> out = new ArrayList<>();
    try {
      r.ws();
      if (!r.eat('[')) return new Result(Outcome.NOT_JSON, List.of());
      r.ws();
      if (!r.eat(']')) {
        while (true) {
          r.ws();
          if (r.peek() == '"') {
            int start = r.p;
            String v = r.string();
            out.add(new Element(v, start, r.p));
          } else {
            r.nonString = true;
            r.value(1);
          }
          r.ws();
          if (r.eat(',')) continue;
          if (r.eat(']')) break;
          return new Result(Outcome.NOT_JSON, List.of());
        }
      }
      r.ws();
      if (r.p != s.length()) return new Result(Outcome.NOT_JSON, List.of());
    } catch (IllegalStateException e) {
      return new Result(Outcome.NOT_JSON, List.of());
    }
    return r.nonString
        ? new Result(Outcome.NOT_STRING_ARRAY, List.of())
        : new Result(Outcome.STRINGS, out);
  }

  private char peek() {
    return p < s.length() ? s.charAt(p) : 0;
  }

  private boolean eat(char c) {
    if (peek() == c && p < s.length()) {
      p++;
      return true;
    }
    return false;
  }

  private void ws() {
    while (p < s.length()) {
      char c = s.charAt(p);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      p++;
    }
  }

  private void value(int depth) {
    if (depth > MAX_DEPTH) throw new IllegalStateException("too deep");
    ws();
    char c = peek();
    if (c == '"') {
      string();
    } else if (c == '[' || c == '{') {
      char close = c == '[' ? ']' : '}';
      p++;
      ws();
      if (eat(close)) return;
      while (true) {
        if (c == '{') {
          ws();
          if (peek() != '"') throw new IllegalStateException("key");
          string();
          ws();
          if (!eat(':')) throw new IllegalStateException(":");
        }
        value(depth + 1);
        ws();
        if (eat(',')) continue;
        if (eat(close)) return;
        throw new IllegalStateException("array");
      }
    } else if (s.text().startsWith("true", p)) {
      p += 4;
    } else if (s.text().startsWith("false", p)) {
      p += 5;
    } else if (s.text().startsWith("null", p)) {
      p += 4;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      number();
    } else {
      throw new IllegalStateException("value");
    }
  }

  private void number() {
    eat('-');
    if (eat('0')) {
      // a leading zero stands alone
    } else {
      if (!Character.isDigit(peek())) throw new IllegalStateException("digit");
      while (Character.isDigit(peek())) p++;
    }
    if (eat('.')) {
      if (!Character.isDigit(peek())) throw new IllegalStateException("fraction");
      while (Character.isDigit(peek())) p++;
    }
    if (peek() == 'e' || peek() == 'E') {
      p++;
      if (peek() == '+' || peek() == '-') p++;
      if (!Character.isDigit(peek())) throw new IllegalStateException("exponent");
      while (Character.isDigit(peek())) p++;
    }
  }

  private String string() {
    if (!eat('"')) throw new IllegalStateException("quote");
    StringBuilder b = new StringBuilder();
    while (true) {
      if (p >= s.length()) throw new IllegalStateException("unterminated");
      char c = s.charAt(p++);
      if (c == '"') return b.toString();
      if (c < 0x20) throw new IllegalStateException("control");
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (p >= s.length()) throw new IllegalStateException("escape");
      char e = s.charAt(p++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (p + 4 > s.length()) throw new IllegalStateException("unicode");
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(p++), 16);
            if (d < 0) throw new IllegalStateException("hex");
            v = v * 16 + d;
          }
          b.append((char) v);
        }
        default -> throw new IllegalStateException("escape");
      }
    }
  }
}
