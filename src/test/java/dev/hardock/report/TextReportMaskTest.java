package dev.hardock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Code frames mask a secret assignment on their line even when no secret rule reported it. */
class TextReportMaskTest {
  static String masked(String line) {
    char[] c = line.toCharArray();
    TextReport.maskSecretAssignments(line, c);
    return new String(c);
  }

  @Test
  void secretNamesWithLiteralValuesAreMaskedInEveryCommonShape() {
    assertEquals("docker run -e DB_PASSWORD=hunt********* alpine:3.19",
        masked("docker run -e DB_PASSWORD=hunter2secret alpine:3.19"));
    assertEquals("docker run -e \"DB_PASSWORD=hunt********* alpine",
        masked("docker run -e \"DB_PASSWORD=hunter2secret alpine"));
    assertEquals("      API_TOKEN: \"abcd********\"", masked("      API_TOKEN: \"abcdefghijkl\""));
    assertEquals("{\"AWS_SECRET_ACCESS_KEY\": \"wJal************\"}",
        masked("{\"AWS_SECRET_ACCESS_KEY\": \"wJalrXUtnFEMIK7M\"}"));
  }

  @Test
  void referencesPlaceholdersAndOtherNamesStay() {
    for (String line : new String[] {"-e DB_PASSWORD=$DB_PASSWORD", "PASSWORD: ${PW:?}", "image: alpine:3.19",
        "DB_PASSWORD_FILE=/run/secrets/db", "USER=app", "PASSWORD=<password>"}) {
      assertEquals(line, masked(line));
    }
  }
}
