package dev.hardock.model.dockerfile;

import dev.hardock.model.Span;
import dev.hardock.model.Text;

/** An instruction flag such as {@code --from=build} or {@code --mount=type=secret,id=x}. */
public record Flag(String name, Text value, Span span) {
  /** The value, or the empty string for a flag given without one. */
  public String valueOrEmpty() {
    return value == null ? "" : value.value();
  }
}
