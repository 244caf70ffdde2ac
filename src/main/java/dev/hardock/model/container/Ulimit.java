package dev.hardock.model.container;

import dev.hardock.model.Span;

/**
 * A resource limit of the container's processes: compose {@code ulimits:} ({@code nofile: {soft, hard}} or one
 * number), {@code --ulimit nofile=1024:2048}, Quadlet {@code Ulimit=}. {@code soft} and {@code hard} are the
 * values as written ({@code -1} or {@code unlimited} included); when one value is given it is both, as Docker
 * takes it ({@code hard} then has the soft value's span).
 *
 * @param name the limit's name ({@code nofile}, {@code nproc}, {@code core}, ...)
 * @param span the whole item
 */
public record Ulimit(Setting<String> name, Setting<String> soft, Setting<String> hard, Span span) {
  /**
   * What is wrong with a limit written as {@code value} for {@code what} ({@code ulimits.nofile}, {@code
   * --ulimit nofile}), or null: a whole number that a signed 64-bit integer cannot hold. Docker reads a limit
   * as one ({@code docker run --ulimit} with {@code strconv.ParseInt(v, 10, 64)}, compose's {@code ulimits}
   * as an int) and refuses such a value; the entry stays in the model with its text. Other text ({@code
   * unlimited}, {@code ${NOFILE}}) is not judged here.
   */
  public static String outOfRange(String what, String value) {
    if (value == null) return null;
    String v = value.trim();
    int from = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
    if (v.length() == from) return null;
    for (int i = from; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return null;
    try {
      Long.parseLong(v);
      return null;
    } catch (NumberFormatException e) {
      String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
      return what + " is out of range: " + shown + " (Docker reads a limit as a 64-bit integer)";
    }
  }
}
