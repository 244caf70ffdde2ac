package dev.hardock.model.dockerfile;

import dev.hardock.model.Text;
import java.util.List;
import java.util.Locale;

/**
 * One {@code RUN --mount=...}, read as BuildKit reads it: the value is one CSV record (fields separated by commas,
 * a field may be double-quoted with {@code ""} for a quote), each field {@code key=value} or a bare key
 * ({@code ro}, {@code rw}, {@code required}); keys are case-insensitive (held lower-cased here), values are kept
 * as written (a single quote is part of the value); a later field overrides an earlier one; the type is
 * {@code bind} unless given.
 *
 * @param flag the {@code --mount} flag it was read from
 * @param fields in the order written
 */
public record RunMount(Flag flag, List<Field> fields) {
  /**
   * @param key lower-cased ({@code from}, {@code type}, {@code target}...)
   * @param value as written, at its exact place in the file (through continued lines); null for a bare key
   */
  public record Field(String key, Text value) {}

  public RunMount {
    fields = List.copyOf(fields);
  }

  /** The value of the last field with one of these keys ({@code "target", "dst", "destination"}), or null. */
  public Text value(String... keys) {
    for (int i = fields.size() - 1; i >= 0; i--) {
      Field f = fields.get(i);
      if (f.value() == null) continue;
      for (String k : keys) if (f.key().equals(k)) return f.value();
    }
    return null;
  }

  /** The mount type lower-cased ({@code bind}, {@code cache}, {@code secret}, {@code ssh}, {@code tmpfs}). */
  public String type() {
    Text t = value("type");
    return t == null ? "bind" : t.value().toLowerCase(Locale.ROOT);
  }

  /** The stage or image a bind or cache mount reads from ({@code from=}), or null. */
  public Text from() {
    return value("from");
  }
}
