package dev.hardock.source.compose;

import dev.hardock.model.ParseProblem;
import dev.hardock.model.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds a {@link YamlNode} tree from snakeyaml-engine's event stream, without recursion: nesting depth,
 * the number of nodes and the input size are bounded, aliases are shared rather than expanded, and any
 * error becomes a {@link ParseProblem} with a position. Every document of the stream is read: Compose
 * (compose-go's loader) merges a file's documents in order, as if each were an override file of the one
 * before. The tags {@code !reset} and {@code !override} (Compose 2.24) are kept on the mappings that hold them.
 */
final class YamlLoader {
  static final int MAX_DEPTH = 200;
  static final int MAX_NODES = 1_000_000;
  static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  /**
   * @param root the document's root node, or null when the document is empty or unreadable
   * @param values every scalar that is not a mapping key, once each (for content scans)
   */
  record Loaded(List<YamlNode> roots, List<ParseProblem> problems, List<YamlNode.Scalar> values) {
    /** The first document's root, or null. */
    YamlNode root() {
      return roots.isEmpty() ? null : roots.get(0);
    }
  }

  static final String RESET = "!reset";
  static final String OVERRIDE = "!override";

  private final YamlFile file;
  private final List<ParseProblem> problems = new ArrayList<>();
  private final List<YamlNode.Scalar> values = new ArrayList<>();
  private final Map<String, YamlNode> anchors = new HashMap<>();

  /** Nodes tagged {@code !reset} or {@code !override}, by identity. */
  private final Map<YamlNode, String> mergeTags = new IdentityHashMap<>();

  private final List<YamlNode> roots = new ArrayList<>();

  /** How many of {@code values} belong to the documents in {@code roots}. */
  private int cleanValues;

  /** A collection being built: its start, anchor, items, and whether the next item is a key. */
  private static final class Open {
    final boolean mapping;
    final int start;
    final String anchor;
    final boolean flow;
    final String tag;
    final List<YamlNode> items = new ArrayList<>();

    Open(boolean mapping, int start, String anchor, boolean flow, String tag) {
      this.mapping = mapping;
      this.start = start;
      this.anchor = anchor;
      this.flow = flow;
      this.tag = tag;
    }

    boolean expectsKey() {
      return mapping && items.size() % 2 == 0;
    }
  }

  private YamlLoader(YamlFile file) {
    this.file = file;
  }

  static Loaded load(YamlFile file) {
    YamlLoader l = new YamlLoader(file);
    try {
      l.run();
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> m = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      Span at = m.map(x -> l.point(x)).orElse(file.span(0, 0));
      String what = e.getProblem() != null ? e.getProblem() : "invalid YAML";
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      l.problems.add(new ParseProblem(at, "invalid YAML: " + oneLine(what) + oneLine(context)));
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
      l.problems.add(
          new ParseProblem(
              file.span(0, 0), "invalid YAML: " + oneLine(String.valueOf(e.getMessage()))));
    }
    boolean ok = l.problems.isEmpty();
    return new Loaded(
        List.copyOf(l.roots),
        l.problems,
        ok ? l.values : List.copyOf(l.values.subList(0, l.cleanValues)));
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  private Span point(Mark m) {
    int o = file.offset(m.getIndex());
    return file.span(o, o);
  }

  private int offset(Optional<Mark> m) {
    return m.map(x -> file.offset(x.getIndex())).orElse(0);
  }

  private void run() {
    LoadSettings settings =
        dev.hardock.source.yaml.YamlSettings.builder(file.text())
            .setLabel(file.display())
            .setCodePointLimit(MAX_CODE_POINTS)
            .setAllowDuplicateKeys(true)
            .setUseMarks(true)
            .build();
    Deque<Open> stack = new ArrayDeque<>();
    YamlNode root = null;
    int nodes = 0;
    for (Event ev : new Parse(settings).parseString(file.text())) {
      YamlNode done = null;
      switch (ev.getEventId()) {
        case DocumentStart -> {
          root = null;
          anchors.clear(); // an anchor names a node of its own document only
        }
        case DocumentEnd -> {
          // documents read before a problem are kept: the later ones are not (Compose stops at an
          // error)
          if (root != null && problems.isEmpty()) {
            roots.add(root);
            cleanValues = values.size();
          }
        }
        case MappingStart, SequenceStart -> {
          if (stack.size() >= MAX_DEPTH) {
            problems.add(
                new ParseProblem(
                    point(ev.getStartMark().orElseThrow()),
                    "the YAML nests deeper than " + MAX_DEPTH + " levels"));
            return;
          }
          CollectionStartEvent c = (CollectionStartEvent) ev;
          int start =
              afterProperties(
                  offset(ev.getStartMark()), c.getAnchor().isPresent() || c.getTag().isPresent());
          stack.push(
              new Open(
                  ev.getEventId() == Event.ID.MappingStart,
                  start,
                  anchor(ev),
                  c.isFlow(),
                  c.getTag().orElse(null)));
        }
        case MappingEnd, SequenceEnd -> {
          Open o = stack.pop();
          // a block collection ends where its last value ends, not at the next token
          int end =
              o.flow || o.items.isEmpty()
                  ? offset(ev.getEndMark())
                  : o.items.get(o.items.size() - 1).end();
          end = Math.max(o.start, end);
          if (o.mapping) {
            List<YamlNode.Entry> entries = new ArrayList<>(o.items.size() / 2);
            Set<String> seen = new HashSet<>();
            Set<String> resets = null;
            Set<String> overrides = null;
            for (int i = 0; i + 1 < o.items.size(); i += 2) {
              YamlNode k = o.items.get(i);
              if (k instanceof YamlNode.Scalar s
                  && !s.value().equals("<<")
                  && !seen.add(s.value())) {
                problems.add(
                    new ParseProblem(k.span(), "duplicate key '" + s.value() + "' in a mapping"));
              }
              YamlNode v = o.items.get(i + 1);
              String tag = mergeTags.get(v);
              if (tag != null && k instanceof YamlNode.Scalar ks) {
                if (tag.equals(RESET)) {
                  if (resets == null) resets = new HashSet<>();
                  resets.add(ks.value());
                  continue; // reset to nothing: the key is gone here, and from what this is merged
                  // over
                }
                if (overrides == null) overrides = new HashSet<>();
                overrides.add(ks.value());
              }
              entries.add(new YamlNode.Entry(k, v));
            }
            YamlNode.Mapping m = new YamlNode.Mapping(file, o.start, end, entries);
            if (resets != null) m.resets = resets;
            if (overrides != null) m.overrides = overrides;
            done = m;
          } else {
            List<YamlNode> items = new ArrayList<>(o.items.size());
            for (YamlNode n : o.items) if (!RESET.equals(mergeTags.get(n))) items.add(n);
            done = new YamlNode.Sequence(file, o.start, end, List.copyOf(items));
          }
          tag(done, o.tag);
          if (o.anchor != null) anchors.put(o.anchor, done);
        }
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) ev;
          int end = offset(s.getEndMark());
          int start =
              Math.min(
                  end,
                  afterProperties(
                      offset(s.getStartMark()),
                      s.getAnchor().isPresent() || s.getTag().isPresent()));
          end = Math.max(start, end);
          ScalarStyle style = s.getScalarStyle();
          boolean plain = style == ScalarStyle.PLAIN && s.getTag().isEmpty();
          int quotes = style == ScalarStyle.PLAIN ? 0 : 2;
          boolean oneToOne =
              (style == ScalarStyle.PLAIN
                      || style == ScalarStyle.SINGLE_QUOTED
                      || style == ScalarStyle.DOUBLE_QUOTED)
                  && end - start - quotes == s.getValue().length()
                  && file.text().substring(start, end).indexOf('\n') < 0;
          YamlNode.Scalar sc = new YamlNode.Scalar(file, start, end, s.getValue(), plain, oneToOne);
          if (stack.isEmpty() || !stack.peek().expectsKey()) values.add(sc);
          String a = anchor(ev);
          if (a != null) anchors.put(a, sc);
          tag(sc, s.getTag().orElse(null));
          done = sc;
        }
        case Alias -> {
          String name = ((AliasEvent) ev).getAlias().getValue();
          done = anchors.get(name);
          if (done == null) {
            int o = offset(ev.getStartMark());
            problems.add(
                new ParseProblem(
                    file.span(o, Math.max(o, offset(ev.getEndMark()))),
                    "alias *" + name + " refers to no anchor defined before it"));
            done = new YamlNode.Scalar(file, o, o, "", true, false);
          }
        }
        default -> {}
      }
      if (done != null) {
        if (++nodes > MAX_NODES) {
          problems.add(
              new ParseProblem(
                  done.file().span(done.start(), done.start()),
                  "the YAML has more than " + MAX_NODES + " nodes"));
          return;
        }
        if (stack.isEmpty()) root = done;
        else stack.peek().items.add(done);
      }
    }
  }

  private void tag(YamlNode n, String tag) {
    if (RESET.equals(tag) || OVERRIDE.equals(tag)) mergeTags.put(n, tag);
  }

  /**
   * snakeyaml starts a node's mark at its anchor or tag ({@code &a !!str value}); a finding must point at the
   * value itself, so skip the properties (and the blanks, line breaks and comments after them).
   */
  private int afterProperties(int start, boolean hasProperties) {
    if (!hasProperties) return start;
    String t = file.text();
    int i = start;
    while (i < t.length() && (t.charAt(i) == '&' || t.charAt(i) == '!')) {
      if (t.startsWith("!<", i)) {
        int close = t.indexOf('>', i);
        i = close < 0 ? t.length() : close + 1;
      } else {
        while (i < t.length() && " \t\r\n,[]{}".indexOf(t.charAt(i)) < 0) i++;
      }
      while (i < t.length()) {
        char ch = t.charAt(i);
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
          i++;
        } else if (ch == '#') {
          while (i < t.length() && t.charAt(i) != '\n') i++;
        } else {
          break;
        }
      }
    }
    return i <= t.length() ? i : start;
  }

  private static String anchor(Event ev) {
    if (ev instanceof NodeEvent n && n.getAnchor().isPresent())
      return n.getAnchor().get().getValue();
    return null;
  }
}
