package dev.hardock.source.compose;

import dev.hardock.model.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our own YAML tree, built from snakeyaml-engine events: every node knows its file and UTF-16 offsets. An
 * alias is the anchored node itself (shared, never copied), so a finding through an alias points at the
 * anchored value and an alias bomb costs no memory.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
  YamlFile file();

  int start();

  int end();

  default Span span() {
    return file().span(start(), end());
  }

  /** What kind of value this is, for messages. */
  String kind();

  /**
   * @param plain written without quotes or block indicators (so {@code null}, {@code true}, numbers are typed)
   * @param simple the value's characters stand one to one in the file from {@code start + quote}
   */
  record Scalar(YamlFile file, int start, int end, String value, boolean plain, boolean simple)
      implements YamlNode {
    public String kind() {
      return plain && isNull() ? "null" : "a string";
    }

    boolean isNull() {
      return plain && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
    }

    /** Offset in the file of the value's character {@code i}, or -1 when it cannot be known. */
    int offsetOf(int i) {
      if (!simple) return -1;
      return start + (plain ? 0 : 1) + i;
    }
  }

  record Entry(YamlNode key, YamlNode value) {
    String name() {
      return key instanceof Scalar s ? s.value() : null;
    }
  }

  /** A mapping; {@link #merged()} resolves merge keys ({@code <<}) with explicit keys winning. */
  final class Mapping implements YamlNode {
    private final YamlFile file;
    private final int start;
    private final int end;
    final List<Entry> entries;

    /**
     * Keys whose value carries the {@code !reset} tag (dropped here, and removed from what this mapping is
     * merged over) and the {@code !override} tag (replacing, not merging with, what it is merged over).
     */
    Set<String> resets = Set.of();

    Set<String> overrides = Set.of();
    private Map<String, Entry> merged;
    private boolean merging;

    Mapping(YamlFile file, int start, int end, List<Entry> entries) {
      this.file = file;
      this.start = start;
      this.end = end;
      this.entries = entries;
    }

    public YamlFile file() {
      return file;
    }

    public int start() {
      return start;
    }

    public int end() {
      return end;
    }

    public String kind() {
      return "a mapping";
    }

    /**
     * Keys in order with merge keys resolved as YAML 1.1 merge does: keys written in this mapping win over
     * merged ones, and among {@code <<: [*a, *b]} the earlier source wins. Memoised, so chains of merges
     * stay linear; {@code budget} bounds the work against alias bombs.
     */
    Map<String, Entry> merged(Budget budget) {
      if (merged != null) return merged;
      Map<String, Entry> out = new LinkedHashMap<>();
      if (merging) return out; // a cycle cannot be built from events, but stay safe
      merging = true;
      List<Mapping> sources = new ArrayList<>();
      for (Entry e : entries) {
        budget.spend(1);
        String k = e.name();
        if ("<<".equals(k) && e.key() instanceof Scalar s && s.plain()) {
          if (e.value() instanceof Mapping m) sources.add(m);
          else if (e.value() instanceof Sequence seq) {
            for (YamlNode n : seq.items()) if (n instanceof Mapping m) sources.add(m);
          }
        } else if (k != null) {
          out.put(k, e);
        }
      }
      for (Mapping m : sources) {
        for (Map.Entry<String, Entry> e : m.merged(budget).entrySet()) {
          budget.spend(1);
          out.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      merging = false;
      merged = out;
      return out;
    }

    Entry get(String key, Budget budget) {
      return merged(budget).get(key);
    }

    /** A mapping with other entries at this one's place, keeping its {@code !reset}/{@code !override} keys. */
    Mapping with(List<Entry> newEntries) {
      Mapping m = new Mapping(file, start, end, newEntries);
      m.resets = resets;
      m.overrides = overrides;
      return m;
    }
  }

  record Sequence(YamlFile file, int start, int end, List<YamlNode> items) implements YamlNode {
    public String kind() {
      return "a list";
    }
  }

  /** Work allowed while reading one compose project; past it, reading stops with a problem. */
  final class Budget {
    static final long DEFAULT = 2_000_000;
    private long left;

    Budget(long left) {
      this.left = left;
    }

    void spend(long n) {
      left -= n;
      if (left < 0) throw new Exhausted();
    }

    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super("too many values through aliases and merges (a YAML bomb?)", null, false, false);
      }
    }
  }
}
