package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.LineIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFileTest {
  @Test
  void aLineIsSearchedForItsEqualsAndBracketOnlyUpToItsEnd() {
    // "[x" has no ']' on its line and "xx" no '=': the ']' and '=' of a later line are not theirs
    String text = "[Container]\nxx\n[x\nNote=]\n";
    List<UnitFile.Entry> entries = UnitFile.entries(text, new LineIndex(text));
    assertEquals(1, entries.size());
    assertEquals("", entries.get(0).section());
    assertEquals("Note", entries.get(0).key());
    assertEquals("]", entries.get(0).value().text());
    assertEquals(text.indexOf("Note"), entries.get(0).keyStart());
  }
}
