package dev.hardock.rule.daemon;

import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Edit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The one edit the daemon.json fixes make: a key set to a JSON value. An existing value (or a {@code null}) is
 * replaced where it stands; a missing key goes first in the object, in the layout of the key that is first today
 * (its line and indentation, or on the brace's line when the object is written on one line), so the rest of the
 * file keeps its bytes.
 */
final class DaemonFix {
  private DaemonFix() {}

  /**
   * The edit setting {@code key} to {@code json}, or null when the file cannot be edited safely (not read to its
   * end). {@code edit} makes an edit of the linted file, {@code line} gives a line's text.
   */
  static Edit set(
      DaemonConfig config,
      String key,
      String json,
      BiFunction<Span, String, Edit> edit,
      IntFunction<String> line) {
    if (!config.complete()) return null;
    DaemonConfig.Entry e = config.get(key);
    if (e != null) return edit.apply(e.valueSpan(), json);
    String pair = "\"" + key + "\": " + json;
    DaemonConfig.Entry first = config.all().isEmpty() ? null : config.all().iterator().next();
    Span brace = config.start();
    String braceLine = line.apply(brace.line());
    if (braceLine == null
        || braceLine.length() < brace.column()
        || braceLine.charAt(brace.column() - 1) != '{') return null;
    if (first == null)
      return edit.apply(
          brace.resized(brace.endLine(), brace.endColumn(), brace.endLine(), brace.endColumn()),
          pair);
    Span k = first.keySpan();
    if (k.line() == brace.line())
      return edit.apply(k.resized(k.line(), k.column(), k.line(), k.column()), pair + ", ");
    String text = line.apply(k.line());
    if (text == null || text.length() < k.column() - 1) return null;
    String indent = text.substring(0, k.column() - 1);
    if (!indent.isBlank())
      return edit.apply(k.resized(k.line(), k.column(), k.line(), k.column()), pair + ", ");
    return edit.apply(k.resized(k.line(), k.column(), k.line(), k.column()), pair + ",\n" + indent);
  }
}
