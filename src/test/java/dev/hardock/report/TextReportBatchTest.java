package dev.hardock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.FileResult;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text report renders the files of a large run in parallel batches: what it writes is, file for file and in
 * order, what it writes for each file alone, across batch boundaries, with each frame's secret masked.
 */
class TextReportBatchTest {
  private static String write(List<FileResult> results, boolean color) throws Exception {
    StringWriter out = new StringWriter();
    new TextReport(color, true)
        .write(results, new Summary(results.size(), results.size(), Map.of(), 0, List.of()), out);
    return out.toString();
  }

  @Test
  void manyFilesAreWrittenInOrderAsEachAlone() throws Exception {
    var meta = RuleRegistry.builtIn().types().get(0).meta();
    List<FileResult> results = new ArrayList<>();
    // more than two batches (256 each), files without findings in between, two findings at one spot
    for (int i = 0; i < 600; i++) {
      String path = "dir/f" + i + "/Dockerfile";
      String text = "FROM a\nRUN curl -u admin:hunter2secret" + i + " https://x\n";
      List<Finding> findings = new ArrayList<>();
      if (i % 7 != 0) {
        Span at = Span.START.resized(2, 5, 2, 9 + i % 5);
        findings.add(new Finding(meta, Severity.WARNING, path, at, "m" + i, SourceKind.DOCKERFILE));
        if (i % 3 == 0)
          findings.add(new Finding(meta, Severity.ERROR, path, at, "n" + i, SourceKind.DOCKERFILE));
      }
      results.add(new FileResult(path, SourceKind.DOCKERFILE, findings, text, path, List.of()));
    }
    for (boolean color : new boolean[] {false, true}) {
      StringBuilder each = new StringBuilder();
      for (FileResult r : results) each.append(write(List.of(r), color));
      String all = write(results, color);
      assertEquals(each.toString(), all);
      assertTrue(all.indexOf("dir/f599/") > all.indexOf("dir/f598/"));
      assertFalse(all.contains("hunter2secret"), "a secret shown in a code frame");
    }
  }
}
