package dev.hardock.source.config;

import dev.hardock.model.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a configuration file's YAML into plain values that keep their positions, so the engine can say
 * where a bad setting is. snakeyaml stays in this class; it is loaded only when a configuration file exists.
 */
public final class ConfigReader {
  /** A value: a String (scalar), a List of values, or a Map of key to value (keys in file order). */
  public record Value(Object value, Span span, Span keySpan) {
    Value(Object value, Span span) {
      this(value, span, span);
    }
  }

  /** A file that is not YAML, or whose top level is not a mapping. */
  public static final class Problem extends Exception {
    public final Span span;

    Problem(Span span, String message) {
      super(message);
      this.span = span;
    }
  }

  private ConfigReader() {}

  public static Value read(String text) throws Problem {
    Optional<Node> root;
    try {
      LoadSettings settings =
          dev.hardock.source.yaml.YamlSettings.builder(text)
              .setAllowDuplicateKeys(false)
              .setMaxAliasesForCollections(20)
              .setCodePointLimit(1024 * 1024)
              .build();
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Columns columns = new Columns(text);
      Span at = e.getProblemMark().map(columns::span).orElse(Span.START);
      throw new Problem(at, "invalid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new Problem(
          Span.START, "invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root.isEmpty()) return new Value(new LinkedHashMap<String, Value>(), Span.START);
    Value v = convert(new Columns(text), root.get(), new java.util.IdentityHashMap<>());
    if (!(v.value() instanceof Map))
      throw new Problem(v.span(), "expected a mapping of settings at the top level");
    return v;
  }

  /** No setting nests deeper than a few levels; the limit keeps a hostile file from exhausting the stack. */
  static final int MAX_DEPTH = 64;

  /** @param open the collections being converted: an alias to one of them (a: &x [*x]) would never end */
  private static Value convert(Columns columns, Node n, Map<Node, Boolean> open) throws Problem {
    Span at = n.getStartMark().map(columns::span).orElse(Span.START);
    if (n instanceof ScalarNode s) return new Value(s.getValue(), at);
    if (open.containsKey(n)) throw new Problem(at, "an alias refers to a value that contains it");
    if (open.size() >= MAX_DEPTH)
      throw new Problem(at, "values nested more than " + MAX_DEPTH + " levels deep");
    open.put(n, Boolean.TRUE);
    try {
      if (n instanceof SequenceNode s) {
        List<Value> items = new ArrayList<>();
        for (Node c : s.getValue()) items.add(convert(columns, c, open));
        return new Value(items, at);
      }
      MappingNode m = (MappingNode) n;
      Map<String, Value> map = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        Value key = convert(columns, t.getKeyNode(), open);
        if (!(key.value() instanceof String k))
          throw new Problem(key.span(), "expected a plain key");
        if (map.containsKey(k)) throw new Problem(key.span(), "duplicate key '" + k + "'");
        Value v = convert(columns, t.getValueNode(), open);
        map.put(k, new Value(v.value(), v.span(), key.span()));
      }
      return new Value(map, at);
    } finally {
      open.remove(n);
    }
  }

  /**
   * Marks to positions with columns in UTF-16 units, as every position of hardock (snakeyaml counts code points:
   * after an emoji on the line, its column was one short per emoji), through the YAML readers' one conversion
   * ({@link dev.hardock.source.yaml.CodePointIndex}: linear over a file, marks in any order). A column past its
   * line's end (the line ends at LF here) goes on from the line's end one unit per code point.
   */
  static final class Columns {
    private final String text;
    private final dev.hardock.source.yaml.CodePointIndex index;
    private int[] lineStarts;

    Columns(String text) {
      this.text = text;
      this.index = dev.hardock.source.yaml.CodePointIndex.of(text);
    }

    Span span(Mark m) {
      int line = m.getLine() + 1;
      int cp = m.getColumn();
      if (!index.astral()) return Span.point(line, cp + 1);
      if (lineStarts == null) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
      }
      if (line < 1 || line > lineStarts.length || cp < 0) return Span.point(line, cp + 1);
      int from = lineStarts[line - 1];
      int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
      int onLine = index.codePoint(end) - index.codePoint(from);
      if (cp <= onLine) return Span.point(line, index.offset(from, cp) - from + 1);
      return Span.point(line, end - from + 1 + (cp - onLine));
    }
  }
}
