package dev.hardock.model.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "|****",
        "a|****",
        "abcd|****",
        "abcde|****",
        "changeme|****",
        "hunter2hunt|****",
        "hunter2hunte|hunt****",
        "AKIAIOSFODNN7EXAMPLE|AKIA****",
        "ghp_A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5A1b2|ghp_****"
      })
  void redact(String secret, String expected) {
    assertEquals(expected, Redaction.redact(secret));
  }

  @Test
  void nullIsMaskOnly() {
    assertEquals("****", Redaction.redact(null));
  }

  @Test
  void neverRevealsMoreThanFourCharactersNorTheWholeSecret() {
    StringBuilder secret = new StringBuilder();
    for (int len = 0; len <= 40; len++) {
      String s = secret.toString();
      String r = Redaction.redact(s);
      assertFalse(r.length() > 8, r);
      if (!s.isEmpty()) assertFalse(r.contains(s), "whole secret shown: " + s);
      assertEquals("****", r.substring(r.length() - 4));
      secret.append((char) ('a' + len % 26));
    }
  }

  @Test
  void cutsAtCodePointsAndHidesControlCharacters() {
    assertEquals("\uD83D\uDD11abc****", Redaction.redact("\uD83D\uDD11abcdefghijklmnop"));
    assertEquals("----****", Redaction.redact("-----BEGIN\nabc"));
    assertEquals("****", Redaction.redact("ab\ncdefghijklmnop"));
  }

  @Test
  void aMessageShowsAVeryLongWordShortenedAndMaskedWithItsLength() {
    String longWord = "x".repeat(Redaction.MAX_WORD + 1);
    assertEquals(
        "image ****[201 characters] has no tag",
        Redaction.scrub("image " + longWord + " has no tag"));
    String atLimit = "y".repeat(Redaction.MAX_WORD);
    assertEquals("image " + atLimit + " ok", Redaction.scrub("image " + atLimit + " ok"));
  }
}
