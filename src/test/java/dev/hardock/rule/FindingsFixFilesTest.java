package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fix edits the file its finding stands in: one whose edits all lie there is kept, wherever that file is (an
 * override of the linted compose file), and one with an edit in any other file is dropped.
 */
class FindingsFixFilesTest {
  private static final RuleMeta META =
      new RuleMeta("HD999", "test", Severity.WARNING, List.of(SourceKind.COMPOSE), true);

  private final SourceFile base =
      SourceFile.of(
          Path.of("compose.yaml"),
          "compose.yaml",
          "services:\n  web:\n    image: x\n",
          SourceKind.COMPOSE);
  private final SourceFile override =
      SourceFile.of(
          Path.of("compose.override.yaml"),
          "compose.override.yaml",
          "services:\n  web:\n    restart: always\n",
          SourceKind.COMPOSE);

  private Findings findings() {
    Findings out = new Findings("compose.yaml", SourceKind.COMPOSE, Map.of());
    out.source(base.text(), base.lines());
    return out;
  }

  @Test
  void aFixInTheFileOfItsFindingIsKeptEvenInAnotherFileOfTheProject() {
    Findings out = findings();
    Span always = override.lines().span(30, 36); // "always"
    assertEquals("always", out.written(always));
    assertEquals("    restart: always", out.line(always, 3));
    assertEquals("    image: x", out.line(3)); // the linted file's own line
    assertEquals("compose.override.yaml", out.fileOf(always));
    Fix fix = Fix.unsafe("t", new Edit(out.fileOf(always), always, "on-failure:5"));
    out.report(META, always, "m", fix);
    Finding f = out.all().get(0);
    assertEquals("compose.override.yaml", f.file());
    assertNotNull(f.fix());
  }

  @Test
  void aFixWithAnEditInAnotherFileThanItsFindingIsDropped() {
    Findings out = findings();
    Span always = override.lines().span(30, 36);
    Span image = base.lines().span(28, 29);
    out.report(
        META,
        always,
        "m",
        Fix.unsafe(
            "t",
            new Edit("compose.override.yaml", always, "no"),
            new Edit("compose.yaml", image, "y")));
    // an edit that names the finding's file but a span of the linted file
    out.report(META, always, "m2", Fix.unsafe("t", new Edit("compose.override.yaml", image, "y")));
    assertNull(out.all().get(0).fix());
    assertNull(out.all().get(1).fix());
  }
}
