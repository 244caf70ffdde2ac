package dev.hardock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.secret.SecretMask;
import org.junit.jupiter.api.Test;

/** Code frames mask a secret on their line by what it is, even when no secret rule reported it. */
class TextReportMaskTest {
  static String masked(String line) {
    return SecretMask.maskLine(line);
  }

  @Test
  void secretNamesWithLiteralValuesAreMaskedInEveryCommonShape() {
    assertEquals(
        "docker run -e DB_PASSWORD=hunt********* alpine:3.19",
        masked("docker run -e DB_PASSWORD=hunter2secret alpine:3.19"));
    assertEquals(
        "docker run -e \"DB_PASSWORD=hunt********* alpine",
        masked("docker run -e \"DB_PASSWORD=hunter2secret alpine"));
    assertEquals("      API_TOKEN: \"abcd********\"", masked("      API_TOKEN: \"abcdefghijkl\""));
    assertEquals(
        "{\"AWS_SECRET_ACCESS_KEY\": \"wJal************\"}",
        masked("{\"AWS_SECRET_ACCESS_KEY\": \"wJalrXUtnFEMIK7M\"}"));
  }

  @Test
  void yamlAnchorsTagsAndSpacedColonsDoNotHideTheValue() {
    assertEquals("  DB_PASSWORD: &pw *******", masked("  DB_PASSWORD: &pw hunter2"));
    assertEquals("  DB_PASSWORD: !!str *******", masked("  DB_PASSWORD: !!str hunter2"));
    assertEquals(
        "  DB_PASSWORD: !!str &pw \"*******\"", masked("  DB_PASSWORD: !!str &pw \"hunter2\""));
    assertEquals("  DB_PASSWORD : *******", masked("  DB_PASSWORD : hunter2"));
    // a double-quoted key spelled with escapes is the same name to YAML
    assertEquals("  \"DB_\\u0050ASSWORD\": *******", masked("  \"DB_\\u0050ASSWORD\": hunter2"));
    assertEquals("  \"DB_PASS\\x57ORD\": *******", masked("  \"DB_PASS\\x57ORD\": hunter2"));
    assertEquals("  \"A\\u\": hunter2", masked("  \"A\\u\": hunter2"));
    assertEquals("ENV DB_PASSWORD *******", masked("ENV DB_PASSWORD hunter2"));
  }

  @Test
  void aYamlPlainValueRunsToTheEndOfItsLineOrFlowEntry() {
    // a passphrase with spaces: masking only its first word showed the rest
    assertEquals(
        "      DB_PASSWORD: corr*** ***** ******* ******   # the passphrase",
        masked("      DB_PASSWORD: correct horse battery staple   # the passphrase"));
    assertEquals("  - DB_PASSWORD: hunt*** *****", masked("  - DB_PASSWORD: hunter2 horse"));
    assertEquals(
        "{DB_PASSWORD: hunt*** *****, X: 1}", masked("{DB_PASSWORD: hunter2 horse, X: 1}"));
    assertEquals("[{DB_PASSWORD: ******* ***}]", masked("[{DB_PASSWORD: hunter2 abc}]"));
    assertEquals(
        "environment: [\"DB_PASSWORD=***********\"]",
        masked("environment: [\"DB_PASSWORD=hunter2secr\"]"));
    // not YAML: a shell word ends at white space
    assertEquals(
        "docker run -e DB_PASSWORD=******* alpine:3",
        masked("docker run -e DB_PASSWORD=hunter2 alpine:3"));
  }

  @Test
  void passwordOptionsAreMasked() {
    assertEquals("curl -u admin:******* https://x", masked("curl -u admin:hunter2 https://x"));
    assertEquals(
        "curl --user 'admin:*******' https://x", masked("curl --user 'admin:hunter2' https://x"));
    assertEquals(
        "curl --user=admin:******* https://x", masked("curl --user=admin:hunter2 https://x"));
    assertEquals("curl -uadmin:******* https://x", masked("curl -uadmin:hunter2 https://x"));
    assertEquals(
        "docker login -u bob -p ******* reg.io", masked("docker login -u bob -p hunter2 reg.io"));
    assertEquals(
        "docker login --password ******* reg.io", masked("docker login --password hunter2 reg.io"));
    assertEquals(
        "docker login --password=******* reg.io", masked("docker login --password=hunter2 reg.io"));
    assertEquals("mysql --password \"*******\"", masked("mysql --password \"hunter2\""));
  }

  @Test
  void messagesThatQuoteACommandAreMaskedTheSameWay() {
    assertEquals(
        "curl -u admin:******* https://x is run by sh",
        dev.hardock.model.secret.Redaction.scrub("curl -u admin:hunter2 https://x is run by sh"));
    assertEquals(
        "docker login -p ******* failed",
        dev.hardock.model.secret.Redaction.scrub("docker login -p hunter2 failed"));
  }

  @Test
  void referencesPlaceholdersAndOtherNamesStay() {
    for (String line :
        new String[] {
          "-e DB_PASSWORD=$DB_PASSWORD",
          "PASSWORD: ${PW:?}",
          "image: alpine:3.19",
          "DB_PASSWORD_FILE=/run/secrets/db",
          "USER=app",
          "PASSWORD=<password>",
          "docker run -u 1000:1000 -p 80:80 x",
          "curl -u admin https://x",
          "curl -u admin:$PASS https://x",
          "docker login --password-stdin reg.io",
          "docker build --secret id=npm,src=.npmrc .",
          "useradd -u 1000 app"
        }) {
      assertEquals(line, masked(line));
    }
  }

  @Test
  void privateKeyBodiesAreMaskedOnEveryLineOfTheBlock() {
    String text =
        "key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEowIBAAKCAQEA\n  abc+/def=\n  -----END RSA PRIVATE KEY-----\nx: y\n";
    String[] lines = text.split("\n");
    boolean[] shown = new boolean[lines.length];
    java.util.Arrays.fill(shown, true);
    shown[1] = false; // the header need not be shown for the body to be known
    SecretMask.mask(text, lines, shown);
    assertEquals("  ****************", lines[2]);
    assertEquals("  *********", lines[3]);
    assertEquals("  -----END RSA PRIVATE KEY-----", lines[4]);
    assertEquals("x: y", lines[5]);
    String one = "KEY=\"-----BEGIN PRIVATE KEY-----\\nMIIEow\\n-----END PRIVATE KEY-----\"";
    assertEquals(
        true,
        !masked(one).contains("MIIEow") && masked(one).endsWith("**-----END PRIVATE KEY-----\""),
        masked(one));
  }
}
