package dev.hardock.model.daemon;

import dev.hardock.model.Span;
import dev.hardock.model.Text;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A Docker daemon configuration ({@code daemon.json}) or one of its nested objects: the keys in file order,
 * each with the spans of its key and value tokens (string spans include the quotes). {@code start} is the
 * object's opening brace, where findings about a missing key point. A key given twice keeps its last value,
 * as dockerd does. {@code complete} is false when the file could not be read to its end: keys may then be
 * missing that the file sets, so {@link #unset} reports nothing.
 */
public record DaemonConfig(Span start, Map<String, Entry> entries, boolean complete) {
  /** The JSON type of a value. */
  public enum Kind {
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("true or false"),
    NULL("null"),
    ARRAY("an array"),
    OBJECT("an object");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** How a message names the type ("a string"). */
    public String description() {
      return description;
    }
  }

  /**
   * One key and its value. {@code scalar} is the value of a string (unescaped), number (as written),
   * boolean ("true"/"false") or null ("null"), else null; {@code items} the string elements of an array
   * (other elements are left out); {@code object} the contents of an object value (null when it is nested
   * too deeply to be modelled).
   */
  public record Entry(
      String key,
      Span keySpan,
      Kind kind,
      String scalar,
      Span valueSpan,
      List<Text> items,
      DaemonConfig object) {
    public Entry {
      items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isTrue() {
      return kind == Kind.BOOLEAN && "true".equals(scalar);
    }

    public boolean isFalse() {
      return kind == Kind.BOOLEAN && "false".equals(scalar);
    }

    /** The string value, or null when the value is not a string. */
    public String string() {
      return kind == Kind.STRING ? scalar : null;
    }
  }

  public DaemonConfig {
    entries = Collections.unmodifiableMap(entries);
  }

  /** The entry of a key (also when its value is null), or null when the key is absent. */
  public Entry get(String key) {
    return entries.get(key);
  }

  public Collection<Entry> all() {
    return entries.values();
  }

  /**
   * Where to report that a key is not set, or null when it is set or the file could not be read fully. A
   * key with the value null counts as not set (dockerd keeps its default); its null is pointed at, else
   * the opening brace.
   */
  public Span unset(String key) {
    if (!complete) return null;
    Entry e = entries.get(key);
    if (e == null) return start;
    return e.kind() == Kind.NULL ? e.valueSpan() : null;
  }
}
