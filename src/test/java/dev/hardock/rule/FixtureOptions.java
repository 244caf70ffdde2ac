package dev.hardock.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule options for a fixture or a doc example, for rules that only act when configured (HD203). Written as
 * {@code name=value1,value2} entries, one a line in a side-car {@code <fixture>.options}, or separated by
 * {@code ;} in a doc's {@code example-options:} front-matter line. Every value is a list.
 */
final class FixtureOptions {
  private FixtureOptions() {}

  static RuleOptions parse(String ruleId, String text) {
    Map<String, Object> byName = new LinkedHashMap<>();
    for (String entry : text.split("[;\\n]")) {
      String e = entry.strip();
      if (e.isEmpty() || e.startsWith("#")) continue;
      int eq = e.indexOf('=');
      if (eq <= 0)
        throw new IllegalArgumentException("bad option entry '" + e + "': expected name=value");
      List<String> values =
          Arrays.stream(e.substring(eq + 1).split(","))
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .toList();
      byName.put(e.substring(0, eq).strip(), values);
    }
    return byName.isEmpty() ? RuleOptions.NONE : new RuleOptions(Map.of(ruleId, byName));
  }

  /** The options of the side-car next to a fixture, or none. */
  static RuleOptions forFixture(String ruleId, Path fixture) throws IOException {
    Path sidecar = fixture.resolveSibling(fixture.getFileName() + ".options");
    return Files.exists(sidecar) ? parse(ruleId, Files.readString(sidecar)) : RuleOptions.NONE;
  }
}
