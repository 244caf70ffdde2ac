package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsoncTest {
  @Test
  void aUnicodeEscapeIsFourAsciiHexDigits() throws Jsonc.Problem {
    Jsonc.Str s = (Jsonc.Str) Jsonc.parse("\"a\\u0041\\u00e9\"");
    assertEquals("aA\u00e9", s.value());
    assertEquals(2, s.text().originalOffset(1)); // the A at its backslash
    // a sign, or Arabic-Indic digits, are no hex digits: VS Code rejects both, so must we
    assertEquals(2, assertThrows(Jsonc.Problem.class, () -> Jsonc.parse("\"a\\u+041\"")).offset);
    assertEquals(
        2,
        assertThrows(Jsonc.Problem.class, () -> Jsonc.parse("\"a\\u\u0660\u0660\u0664\u0661\""))
            .offset);
  }
}
