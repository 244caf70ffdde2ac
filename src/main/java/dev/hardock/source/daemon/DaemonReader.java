package dev.hardock.source.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.model.daemon.DaemonConfig.Entry;
import dev.hardock.model.daemon.DaemonConfig.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code daemon.json} into a {@link DaemonConfig} with jackson-core's streaming parser (no
 * ObjectMapper: it costs start-up time). Strict JSON, as dockerd reads it: comments, trailing commas, single
 * quotes, a root that is not an object and content after the root object are problems (HD001), reported
 * with their position; so is a wrongly typed value of a key the rules judge (dockerd refuses to start on
 * {@code "icc": "false"}). An empty or whitespace-only file, and a root {@code null}, are an empty
 * configuration, as for dockerd. Positions come from character offsets, so columns count UTF-16 units.
 * Never throws.
 */
public final class DaemonReader {
  /** Nesting beyond this is refused (HD001); jackson counts it without recursion. */
  static final int MAX_NESTING = 1000;

  /** Nested objects deeper than this are skipped rather than modelled: no rule looks that deep. */
  private static final int MAX_MODEL_DEPTH = 8;

  /**
   * Names of any length are read (jackson's default stops at 50,000 characters, with the exception it uses for
   * nesting): dockerd reads them, the file's size bounds them, and reading one is linear.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING)
                  .maxNameLength(Integer.MAX_VALUE)
                  .build())
          .build();

  /** The value types dockerd requires for the keys our rules read; others are not checked. */
  private static final Map<String, Kind> TYPES =
      Map.ofEntries(
          Map.entry("icc", Kind.BOOLEAN),
          Map.entry("live-restore", Kind.BOOLEAN),
          Map.entry("no-new-privileges", Kind.BOOLEAN),
          Map.entry("debug", Kind.BOOLEAN),
          Map.entry("userland-proxy", Kind.BOOLEAN),
          Map.entry("iptables", Kind.BOOLEAN),
          Map.entry("tls", Kind.BOOLEAN),
          Map.entry("tlsverify", Kind.BOOLEAN),
          Map.entry("userns-remap", Kind.STRING),
          Map.entry("log-level", Kind.STRING),
          Map.entry("tlscacert", Kind.STRING),
          Map.entry("tlscert", Kind.STRING),
          Map.entry("tlskey", Kind.STRING),
          Map.entry("hosts", Kind.ARRAY),
          Map.entry("insecure-registries", Kind.ARRAY),
          Map.entry("default-ulimits", Kind.OBJECT));

  /** Keys whose array elements must be strings. */
  private static final java.util.Set<String> STRING_ARRAYS =
      java.util.Set.of("hosts", "insecure-registries");

  /**
   * @param layout the statements of the file: each member, key to value (JSON has no comments; a JSONC reader
   *     would record its {@code //} and {@code /* *}{@code /} comments here)
   */
  public record Result(DaemonConfig config, List<ParseProblem> problems, SourceLayout layout) {}

  private final String text;
  private final String file;
  private final SourceLayout layout = new SourceLayout();
  private final LineIndex lines;
  private final List<ParseProblem> problems = new ArrayList<>();
  private JsonParser parser;

  private DaemonReader(String text, LineIndex lines, String file) {
    this.file = file;
    this.text = text;
    this.lines = lines;
  }

  public static Result read(SourceFile file) {
    return read(file.text(), file.lines(), file.displayPath());
  }

  public static Result read(String text, LineIndex lines) {
    return read(text, lines, "");
  }

  private static Result read(String text, LineIndex lines, String file) {
    DaemonReader r = new DaemonReader(text, lines, file);
    DaemonConfig config = r.readRoot();
    return new Result(config, List.copyOf(r.problems), r.layout);
  }

  private DaemonConfig readRoot() {
    // A BOM the loader did not drop (text handed in directly): a space keeps every offset the same.
    String json = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    if (json.isBlank()) return new DaemonConfig(Span.START, Map.of(), true);
    Map<String, Entry> partial = new LinkedHashMap<>();
    Span start = Span.START;
    // Not try-with-resources: the error position must be read before the parser is closed.
    try {
      JsonParser p = JSON.createParser(json);
      parser = p;
      JsonToken root = p.nextToken();
      int at = tokenStart();
      if (root == JsonToken.VALUE_NULL) {
        start = span(at, at + 4);
      } else if (root != JsonToken.START_OBJECT) {
        Kind k = kindOf(root);
        problems.add(
            new ParseProblem(
                span(at, tokenEnd(at)),
                "daemon.json must hold a JSON object ({ ... }), not "
                    + (k == null ? "this" : k.description())));
        return new DaemonConfig(start, Map.of(), false);
      } else {
        start = span(at, at + 1);
        readMembers(partial, 0, true);
      }
      int end = (int) Math.min(Math.max(p.currentLocation().getCharOffset(), 0), json.length());
      int extra = end;
      while (extra < json.length() && isJsonSpace(json.charAt(extra))) extra++;
      if (extra < json.length()) {
        problems.add(
            new ParseProblem(
                span(extra, extra + 1),
                "unexpected content after the top-level object: daemon.json holds exactly one JSON object"));
        return new DaemonConfig(start, partial, false);
      }
      return new DaemonConfig(start, partial, true);
    } catch (JsonProcessingException e) {
      problems.add(problemOf(e));
    } catch (IOException e) {
      problems.add(
          new ParseProblem(
              Span.START, "cannot read daemon.json (" + e.getClass().getSimpleName() + ")"));
    } catch (RuntimeException e) {
      problems.add(ParseProblem.bug(Span.START, "cannot read daemon.json", e));
    } finally {
      close();
    }
    return new DaemonConfig(start, partial, false);
  }

  private void close() {
    try {
      if (parser != null) parser.close();
    } catch (IOException e) {
      // reading from a string: nothing to release
    }
  }

  /** Reads the members of the object whose START_OBJECT is the current token, up to its END_OBJECT. */
  private void readMembers(Map<String, Entry> into, int depth, boolean topLevel)
      throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      int ks = tokenStart();
      String key = parser.currentName();
      Span keySpan = span(ks, tokenEnd(ks));
      Entry e = readValue(key, keySpan, parser.nextToken(), depth, topLevel);
      layout.statement(file, e.valueSpan() == null ? keySpan : keySpan.to(e.valueSpan()));
      into.remove(key); // the last occurrence wins, and stands where it was written
      into.put(key, e);
      if (topLevel) checkType(e);
    }
    if (t != JsonToken.END_OBJECT) throw new IOException("unexpected token " + t);
  }

  private Entry readValue(String key, Span keySpan, JsonToken t, int depth, boolean topLevel)
      throws IOException {
    int vs = tokenStart();
    switch (t) {
      case START_OBJECT -> {
        if (depth + 1 >= MAX_MODEL_DEPTH) {
          parser.skipChildren();
          return new Entry(key, keySpan, Kind.OBJECT, null, span(vs, closeEnd()), null, null);
        }
        Map<String, Entry> members = new LinkedHashMap<>();
        readMembers(members, depth + 1, false);
        DaemonConfig nested = new DaemonConfig(span(vs, vs + 1), members, true);
        return new Entry(key, keySpan, Kind.OBJECT, null, span(vs, closeEnd()), null, nested);
      }
      case START_ARRAY -> {
        List<Text> items = new ArrayList<>();
        boolean strict = topLevel && STRING_ARRAYS.contains(key);
        JsonToken it;
        while ((it = parser.nextToken()) != JsonToken.END_ARRAY) {
          int is = tokenStart();
          if (it == JsonToken.VALUE_STRING) {
            items.add(new Text(parser.getText(), span(is, tokenEnd(is))));
            continue;
          }
          if (it == JsonToken.START_OBJECT || it == JsonToken.START_ARRAY) parser.skipChildren();
          if (strict) {
            Kind k = kindOf(it);
            int ie = it.isStructStart() ? closeEnd() : tokenEnd(is);
            problems.add(
                new ParseProblem(
                    span(is, ie),
                    key
                        + " must list strings, not "
                        + k.description()
                        + " (dockerd refuses to start)"));
          }
        }
        return new Entry(key, keySpan, Kind.ARRAY, null, span(vs, closeEnd()), items, null);
      }
      default -> {
        Kind k = kindOf(t);
        if (k == null) throw new IOException("unexpected token " + t);
        String scalar =
            t == JsonToken.VALUE_STRING ? parser.getText() : text.substring(vs, tokenEnd(vs));
        return new Entry(key, keySpan, k, scalar, span(vs, tokenEnd(vs)), null, null);
      }
    }
  }

  private void checkType(Entry e) {
    Kind want = TYPES.get(e.key());
    if (want == null || e.kind() == want || e.kind() == Kind.NULL) return;
    problems.add(
        new ParseProblem(
            e.valueSpan(),
            e.key()
                + " must be "
                + want.description()
                + ", not "
                + e.kind().description()
                + " (dockerd refuses to start)"));
  }

  private static Kind kindOf(JsonToken t) {
    if (t == null) return null;
    return switch (t) {
      case VALUE_STRING -> Kind.STRING;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Kind.NUMBER;
      case VALUE_TRUE, VALUE_FALSE -> Kind.BOOLEAN;
      case VALUE_NULL -> Kind.NULL;
      case START_ARRAY -> Kind.ARRAY;
      case START_OBJECT -> Kind.OBJECT;
      default -> null;
    };
  }

  private int tokenStart() {
    return clamp(parser.currentTokenLocation().getCharOffset());
  }

  /** End offset (exclusive) of the END_OBJECT/END_ARRAY that is the current token. */
  private int closeEnd() {
    return Math.min(tokenStart() + 1, text.length());
  }

  /** End offset (exclusive) of the scalar token starting at {@code start}: a string with its quotes, or a word. */
  private int tokenEnd(int start) {
    int n = text.length();
    if (start >= n) return n;
    int i = start;
    if (text.charAt(i) == '"') {
      i++;
      while (i < n && text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
      return Math.min(i + 1, n);
    }
    if (text.charAt(i) == '{' || text.charAt(i) == '[') return i + 1;
    while (i < n && isWordChar(text.charAt(i))) i++;
    return Math.max(i, start + 1);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.' || c == '_';
  }

  private static boolean isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private int clamp(long offset) {
    return (int) Math.max(0, Math.min(offset, text.length()));
  }

  private Span span(int from, int to) {
    return lines.span(from, to);
  }

  /** A syntax error, described briefly (never echoing a token: it could be a secret) at its position. */
  private ParseProblem problemOf(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    if ((loc == null || loc.getCharOffset() < 0) && parser != null) loc = parser.currentLocation();
    int at = loc == null ? 0 : clamp(loc.getCharOffset());
    String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException && raw.startsWith("Number value length")) {
      return new ParseProblem(
          point(at),
          "invalid JSON: a number of more than "
              + JSON.streamReadConstraints().getMaxNumberLength()
              + " digits");
    }
    if (e instanceof StreamConstraintsException) {
      // the position is just past the bracket that went one level too deep: point at that bracket
      Span where =
          at > 0 && (text.charAt(at - 1) == '[' || text.charAt(at - 1) == '{')
              ? span(at - 1, at)
              : point(at);
      return new ParseProblem(
          where, "invalid JSON: nested more than " + MAX_NESTING + " levels deep");
    }
    if (raw.startsWith("Unexpected end-of-input")) {
      String what =
          raw.contains("close marker for Object")
              ? ": an object is not closed with }"
              : raw.contains("close marker for Array")
                  ? ": an array is not closed with ]"
                  : raw.contains("String")
                      ? ": a string is not closed with \""
                      : parser != null && parser.getParsingContext().inObject()
                          ? ": an object is not closed with }"
                          : parser != null && parser.getParsingContext().inArray()
                              ? ": an array is not closed with ]"
                              : "";
      return new ParseProblem(point(text.length()), "invalid JSON: unexpected end of file" + what);
    }
    if (raw.startsWith("Unrecognized token")) {
      int s = at;
      while (s > 0 && isWordChar(text.charAt(s - 1))) s--;
      return new ParseProblem(
          span(s, Math.max(at, s + 1)),
          "invalid JSON: expected a value (a string in double quotes, a number, true, false, null, an object or an array)");
    }
    if (raw.contains("ALLOW_COMMENTS")) {
      return new ParseProblem(oneChar(at), "invalid JSON: comments are not allowed in daemon.json");
    }
    if (raw.startsWith("Unexpected character") || raw.startsWith("Illegal unquoted character")) {
      int prev = at - 1;
      while (prev >= 0 && isJsonSpace(text.charAt(prev))) prev--;
      char c = at < text.length() ? text.charAt(at) : ' ';
      if (prev >= 0 && text.charAt(prev) == ',' && (c == '}' || c == ']')) {
        return new ParseProblem(oneChar(prev), "invalid JSON: trailing comma before " + c);
      }
      if (c == '\'')
        return new ParseProblem(
            oneChar(at), "invalid JSON: strings need double quotes, not single quotes");
      int colon = raw.indexOf("): ");
      String expected =
          colon < 0 ? "" : ": " + raw.substring(colon + 3).replace("was expecting", "expected");
      String shown =
          Character.isISOControl(c)
              ? "control character U+" + String.format("%04X", (int) c)
              : "character '" + c + "'";
      if (raw.startsWith("Illegal unquoted")) expected = ": it must be escaped inside a string";
      return new ParseProblem(oneChar(at), "invalid JSON: unexpected " + shown + expected);
    }
    int cut = raw.indexOf(" (start marker");
    String first =
        (cut < 0 ? raw : raw.substring(0, cut)).lines().findFirst().orElse("syntax error");
    return new ParseProblem(oneChar(at), "invalid JSON: " + first.replaceAll("'[^']*'", "'...'"));
  }

  private Span point(int at) {
    return span(at, at);
  }

  /** The character at an offset, or a point where there is none (end of line or file). */
  private Span oneChar(int at) {
    if (at >= text.length() || text.charAt(at) == '\n' || text.charAt(at) == '\r') return point(at);
    int end =
        Character.isHighSurrogate(text.charAt(at)) && at + 1 < text.length() ? at + 2 : at + 1;
    return span(at, end);
  }
}
