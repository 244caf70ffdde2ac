package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's peer-parity table (peer check -> hardock rule) stays honest: every rule id it names exists in the
 * catalog, and every peer keeps its number of checks. Ranges such as HD102-HD105 name each id in between.
 */
class PeerParityTest {
  /** Rows per peer: the checks of peer-coverage.md (hadolint's nine label-schema rules share one row; dclint + schema). */
  static final Map<String, Integer> ROWS =
      Map.of("KICS", 70, "Trivy", 28, "hadolint", 63, "Checkov", 28, "dclint", 16, "BuildKit", 22);

  private static final Pattern ID = Pattern.compile("HD(\\d{3})(?:-HD(\\d{3}))?");

  static List<String[]> rows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("<!-- peer-parity:start");
    int end = readme.indexOf("<!-- peer-parity:end -->");
    assertTrue(start >= 0 && end > start, "README has no peer-parity table between its markers");
    List<String[]> rows = new ArrayList<>();
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| ") || line.startsWith("| Peer ") || line.startsWith("|---")) continue;
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
      assertTrue(cells.length >= 5, "peer-parity row with fewer than 5 cells: " + line);
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void everyNamedRuleExists() throws IOException {
    Set<String> catalog = new HashSet<>();
    for (RuleMeta m : RuleRegistry.builtIn().metas()) catalog.add(m.id());
    Set<String> missing = new TreeSet<>();
    for (String[] row : rows()) {
      Matcher m = ID.matcher(row[3]);
      while (m.find()) {
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        for (int n = from; n <= to; n++) {
          String id = String.format("HD%03d", n);
          if (!catalog.contains(id)) missing.add(id + " (" + row[0] + " " + row[1] + ")");
        }
      }
    }
    assertEquals(Set.of(), missing, "the README's peer-parity table names rules that do not exist");
  }

  @Test
  void everyPeerCheckHasARow() throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String[] row : rows()) {
      counts.merge(row[0], 1, Integer::sum);
      assertTrue(!row[3].isBlank(), "no hardock cell for " + row[0] + " " + row[1]);
    }
    assertEquals(ROWS, counts);
  }

  @Test
  void theParserSeesIdsAndRanges() {
    Matcher m = ID.matcher("HD102-HD105, HD403 (partial)");
    assertTrue(m.find());
    assertEquals("102", m.group(1));
    assertEquals("105", m.group(2));
    assertTrue(m.find());
    assertEquals("403", m.group(1));
  }
}
