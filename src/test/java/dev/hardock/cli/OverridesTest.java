package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Per-file {@code overrides} in .hardock.yaml, and the Markdown default of the "missing setting" rules. */
class OverridesTest extends ProjectTest {
  static final String RUN = "docker run --privileged nginx:1.27\n";
  static final String MISSING = "HD112 HD116 HD117 HD120 HD121 HD122";

  /** The rule ids that fire in a file, sorted, as one string. */
  static String ids(Path file, String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "-f";
    args[1] = "gnu";
    System.arraycopy(more, 0, args, 2, more.length);
    args[args.length - 1] = file.toString();
    MainTest.Run r = ConfigBaselineStdinTest.run("", args);
    return String.join(
        " ",
        Arrays.stream(r.out().split("\n"))
            .filter(l -> l.contains("[HD"))
            .map(l -> l.substring(l.lastIndexOf("[HD") + 1, l.lastIndexOf("[HD") + 6))
            .distinct()
            .sorted()
            .toList());
  }

  @Test
  void markdownDescribesAScriptDefines() throws IOException {
    Path md = write("repo/README.md", "Run it:\n\n```sh\n" + RUN + "```\n");
    Path sh = write("repo/run.sh", RUN);
    assertEquals("HD101", ids(md));
    assertEquals("HD101 " + MISSING, ids(sh));
    // enabled for those files, they fire in Markdown too
    assertEquals("HD101 HD120", ids(md, "--enable", "HD120"));
    write("repo/.hardock.yaml", "overrides:\n  - files: ['*.md']\n    rules: {HD121: on}\n");
    assertEquals("HD101 HD121", ids(md));
  }

  @Test
  void overridesApplyToTheirFilesInOrderAndFlagsWin() throws IOException {
    Path docs = write("repo/docs/run.sh", RUN);
    Path ops = write("repo/ops/run.sh", RUN);
    write(
        "repo/.hardock.yaml",
        String.join(
            "\n",
            "rules: {HD121: off}",
            "overrides:",
            "  - files: [docs/**]",
            "    rules: {HD120: off, HD122: off, HD101: info}",
            "  - files: ['docs/*.sh']",
            "    rules: {HD122: on}",
            ""));
    assertEquals("HD101 HD112 HD116 HD117 HD122", ids(docs));
    assertEquals("HD101 HD112 HD116 HD117 HD120 HD122", ids(ops));
    MainTest.Run r = ConfigBaselineStdinTest.run("", "-f", "gnu", docs.toString());
    assertTrue(r.out().contains(":1:12: info: container runs privileged"), r.out());
    assertTrue(
        ConfigBaselineStdinTest.run("", docs.toString())
            .out()
            .contains("disables HD121, HD120 in 'docs/**'"));
    assertEquals("HD101 HD112 HD116 HD117 HD122", ids(docs, "--disable", "HD120"));
    assertEquals("HD101 HD112 HD116 HD117 HD120 HD122", ids(docs, "--enable", "HD120"));
  }

  @Test
  void badOverridesAreErrorsWithPositions() throws IOException {
    Path sh = write("repo/run.sh", RUN);
    Path cfg = dir.resolve("repo/.hardock.yaml");
    String[][] cases = {
      {"overrides: {files: x}\n", ":1:12: overrides must be a list"},
      {"overrides:\n  - rules: {HD120: off}\n", ":2:5: an overrides item needs files"},
      {"overrides:\n  - files: [x]\n    rule: {}\n", ":3:5: unknown key 'rule' in overrides"},
      {"overrides:\n  - files: [x]\n    rules: {HD999: off}\n", ":3:13: unknown rule 'HD999'"},
    };
    for (String[] c : cases) {
      Files.writeString(cfg, c[0]);
      MainTest.Run r = ConfigBaselineStdinTest.run("", sh.toString());
      assertEquals(2, r.code(), c[0]);
      assertTrue(r.err().contains(cfg + c[1]), r.err());
    }
  }
}
