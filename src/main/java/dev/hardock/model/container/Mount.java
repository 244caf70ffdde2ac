package dev.hardock.model.container;

import dev.hardock.model.Span;

/**
 * A mount into a container, from {@code -v}, {@code --mount}, {@code --tmpfs}, or compose {@code volumes:}
 * (short and long syntax) and {@code tmpfs:}.
 *
 * @param source host path (bind) or volume name; null for tmpfs or an anonymous volume
 * @param readOnly null when no read-only option is given
 * @param propagation bind propagation (shared, rshared, slave, rslave, private, rprivate), or null
 * @param span the whole mount specification (the {@code -v} value, the list item)
 */
public record Mount(
    Type type,
    Setting<String> source,
    Setting<String> target,
    Setting<Boolean> readOnly,
    Setting<String> propagation,
    Span span) {
  public enum Type {
    BIND,
    VOLUME,
    TMPFS,
    NPIPE,
    CLUSTER,
    IMAGE
  }

  public boolean isReadOnly() {
    return readOnly != null && Boolean.TRUE.equals(readOnly.value());
  }
}
