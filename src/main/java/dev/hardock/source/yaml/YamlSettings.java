package dev.hardock.source.yaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;

/**
 * Where every YAML reader of hardock starts its snakeyaml-engine settings. snakeyaml-engine 2.9's StreamReader
 * reads its input in chunks and, when a chunk ends on the first half of a surrogate pair (an emoji at the
 * 1,024th character of a double-quoted scalar), reads one more character past its buffer and throws
 * IndexOutOfBoundsException: a crash on a valid file. Every text hardock parses is already in memory, so the
 * buffer is made to hold all of it and the reader never reaches a chunk's end.
 */
public final class YamlSettings {
  private YamlSettings() {}

  /** Settings for parsing {@code text}: its buffer holds the whole text. */
  public static LoadSettingsBuilder builder(String text) {
    return LoadSettings.builder().setBufferSize(Math.max(1024, text.length() + 2));
  }
}
