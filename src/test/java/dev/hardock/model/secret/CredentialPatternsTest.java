package dev.hardock.model.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.secret.CredentialPatterns.Kind;
import dev.hardock.model.secret.CredentialPatterns.Match;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fake credentials are assembled from pieces, so this file does not itself look like a leak to secret
 * scanners; AKIAIOSFODNN7EXAMPLE is AWS's documented example key.
 */
class CredentialPatternsTest {
  private static final String B36 = "A1b2C3d4E5".repeat(4).substring(0, 36);
  static final String AWS = "AKIA" + "IOSFODNN7EXAMPLE";
  static final String AWS_STS = "ASIA" + "EXAMPLE012345678";
  static final String GHP = "ghp" + "_" + B36;
  static final String GHS = "ghs" + "_" + B36;
  static final String GH_PAT =
      "github" + "_pat_" + "11ABCDEFG0123456789abc" + "_" + "x1".repeat(29) + "y";
  static final String SLACK = "xox" + "b-" + "1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
  static final String GOOGLE = "AI" + "za" + "Sy" + "A1b2C3d4E5".repeat(4).substring(0, 31) + "_-";
  static final String STRIPE = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
  static final String STRIPE_R = "rk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dcXYZ";
  static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
          + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
          + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  static final String HEX32 = "0123456789abcdef".repeat(2);
  static final String SENDGRID =
      "SG" + ".ngeVfQFYQlKU0ufo8x5d1A" + "." + "TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr";
  static final String TWILIO = "S" + "K" + HEX32;
  static final String MAILGUN = "key" + "-" + "3ax6xnjp29jd6fds4gc373sgvjxteol0";
  static final String MAILCHIMP = HEX32 + "-us" + "12";
  static final String HEROKU = "HRKU" + "-AAp9Yg2bxkS_u8dGuh0TBcQx2LmOwhM2kwW0vGNDdY3g";
  static final String SQUARE = "sq0" + "atp-" + "HbNqU3b8wY7mS4dK2jF9xA";
  static final String SQUARE_SECRET =
      "sq0" + "csp-" + "abcdefghijABCDEFGHIJ0123456789_-abcdefghijk";
  static final String BRAINTREE =
      "access_token" + "$production$" + "ab12cd34ef56gh78" + "$" + HEX32;
  static final String GOCSPX = "GOC" + "SPX-" + "1a2B3c4D5e6F7g8H9i0J1k2L3m4N";
  static final String SLACK_HOOK =
      "https://hooks."
          + "slack.com/services/"
          + "T04B1R2KQ/B07G2N5MZ4H/"
          + "n7Xq2VbL9cWd4RtY8pKs3Jf1";
  static final String TEAMS_HOOK =
      "https://acme.webhook."
          + "office.com/webhookb2/"
          + "7b3a1c2d-1111-2222-3333-444455556666@"
          + "aaaabbbb-cccc-dddd-eeee-ffff00001111/IncomingWebhook/"
          + "0123456789abcdef0123456789abcdef/"
          + "99998888-7777-6666-5555-444433332222";
  static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";

  static Stream<Arguments> found() {
    return Stream.of(
        Arguments.of("ENV AWS_ACCESS_KEY_ID=" + AWS, AWS, Kind.AWS_ACCESS_KEY_ID),
        Arguments.of("-e KEY=" + AWS_STS + " app", AWS_STS, Kind.AWS_ACCESS_KEY_ID),
        Arguments.of("\"" + AWS + "\"", AWS, Kind.AWS_ACCESS_KEY_ID),
        Arguments.of("GITHUB_TOKEN=" + GHP, GHP, Kind.GITHUB_TOKEN),
        Arguments.of("token " + GHS + ";", GHS, Kind.GITHUB_TOKEN),
        Arguments.of("gho_" + B36, "gho_" + B36, Kind.GITHUB_TOKEN),
        Arguments.of("x ghu_" + B36, "ghu_" + B36, Kind.GITHUB_TOKEN),
        Arguments.of("x ghr_" + B36, "ghr_" + B36, Kind.GITHUB_TOKEN),
        Arguments.of("GH=" + GH_PAT + " next", GH_PAT, Kind.GITHUB_TOKEN),
        Arguments.of("SLACK=" + SLACK, SLACK, Kind.SLACK_TOKEN),
        Arguments.of(
            "hook " + "xox" + "p-12345-abcdef- end", "xox" + "p-12345-abcdef", Kind.SLACK_TOKEN),
        Arguments.of("key=" + GOOGLE + "&x=1", GOOGLE, Kind.GOOGLE_API_KEY),
        Arguments.of("STRIPE=" + STRIPE, STRIPE, Kind.STRIPE_LIVE_KEY),
        Arguments.of("STRIPE=" + STRIPE_R + "\n", STRIPE_R, Kind.STRIPE_LIVE_KEY),
        Arguments.of(
            "echo '-----BEGIN RSA PRIVATE KEY-----\nMIIE'",
            "-----BEGIN RSA PRIVATE KEY-----",
            Kind.PRIVATE_KEY),
        Arguments.of(
            "-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", Kind.PRIVATE_KEY),
        Arguments.of(
            "x-----BEGIN EC PRIVATE KEY-----", "-----BEGIN EC PRIVATE KEY-----", Kind.PRIVATE_KEY),
        Arguments.of(
            "-----BEGIN DSA PRIVATE KEY-----", "-----BEGIN DSA PRIVATE KEY-----", Kind.PRIVATE_KEY),
        Arguments.of(
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            Kind.PRIVATE_KEY),
        Arguments.of(
            "-----BEGIN ENCRYPTED PRIVATE KEY-----",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----",
            Kind.PRIVATE_KEY),
        Arguments.of(
            "-----BEGIN PGP PRIVATE KEY BLOCK-----",
            "-----BEGIN PGP PRIVATE KEY BLOCK-----",
            Kind.PRIVATE_KEY),
        Arguments.of("Authorization: Bearer " + JWT + "\"", JWT, Kind.JWT),
        Arguments.of("postgres://app:s3cr3t@db:5432/app", "s3cr3t", Kind.URL_PASSWORD),
        Arguments.of(
            "DATABASE_URL=mysql://root:hunter2@127.0.0.1/db", "hunter2", Kind.URL_PASSWORD),
        Arguments.of("redis://:redispw@redis:6379/0", "redispw", Kind.URL_PASSWORD),
        Arguments.of("https://user:p@ss@host/x", "p@ss", Kind.URL_PASSWORD),
        Arguments.of("git+https://bot:tok3n@example.com/r.git", "tok3n", Kind.URL_PASSWORD),
        Arguments.of("amqp://guest:guest@rabbit", "guest", Kind.URL_PASSWORD),
        Arguments.of("SENDGRID=" + SENDGRID, SENDGRID, Kind.SENDGRID_API_KEY),
        Arguments.of("TWILIO=" + TWILIO + " x", TWILIO, Kind.TWILIO_API_KEY),
        Arguments.of("-e MG=" + MAILGUN, MAILGUN, Kind.MAILGUN_API_KEY),
        Arguments.of("MC=\"" + MAILCHIMP + "\"", MAILCHIMP, Kind.MAILCHIMP_API_KEY),
        Arguments.of("HK=" + HEROKU, HEROKU, Kind.HEROKU_API_KEY),
        Arguments.of("SQ=" + SQUARE, SQUARE, Kind.SQUARE_TOKEN),
        Arguments.of("SQ=" + SQUARE_SECRET, SQUARE_SECRET, Kind.SQUARE_TOKEN),
        Arguments.of("BT=" + BRAINTREE, BRAINTREE, Kind.BRAINTREE_TOKEN),
        Arguments.of("{\"client_secret\":\"" + GOCSPX + "\"}", GOCSPX, Kind.GOOGLE_OAUTH_SECRET),
        Arguments.of("curl -X POST " + SLACK_HOOK + " -d x", SLACK_HOOK, Kind.SLACK_WEBHOOK),
        Arguments.of("HOOK=" + TEAMS_HOOK, TEAMS_HOOK, Kind.TEAMS_WEBHOOK),
        Arguments.of(
            "PuTTY-User-Key-File-" + "3: ssh-ed25519",
            "PuTTY-User-Key-File-3:",
            Kind.PUTTY_PRIVATE_KEY),
        Arguments.of(
            "aws configure set aws_secret_access_key " + AWS_SECRET,
            AWS_SECRET,
            Kind.AWS_SECRET_ACCESS_KEY),
        // a token inside a URL password is reported once, as the more specific kind
        Arguments.of("https://x:" + GHP + "@github.com/o/r", GHP, Kind.GITHUB_TOKEN));
  }

  @ParameterizedTest(name = "{2} in {0}")
  @MethodSource
  void found(String text, String credential, Kind kind) {
    // a URL password is looked up between its ':' and '@', so that a user of the same spelling is
    // skipped
    int start =
        kind == Kind.URL_PASSWORD
            ? text.indexOf(":" + credential + "@") + 1
            : text.indexOf(credential);
    assertEquals(
        List.of(new Match(start, start + credential.length(), kind)),
        CredentialPatterns.find(text));
  }

  @ParameterizedTest(name = "nothing in [{0}]")
  @ValueSource(
      strings = {
        "",
        "FROM node:22",
        "RUN apt-get update",
        // AWS: wrong length, no boundary, lower case, other prefix
        "AKIAIOSFODNN7EXAMPL",
        "AKIAIOSFODNN7EXAMPLEX",
        "xAKIAIOSFODNN7EXAMPLE",
        "AKIAiosfodnn7example",
        "AKIA_IOSFODNN7EXAMPLE",
        "AGPAIOSFODNN7EXAMPLE",
        // GitHub: 35 or 37 characters, no boundary, unknown prefix, short fine-grained token
        "ghp_A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5A1b",
        "ghp_A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5A1b2C",
        "xghp_A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5A1b2",
        "ghx_A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5A1b2",
        "github_pat_short",
        "ghp_your_token_here",
        // Slack: no digits, too short, unknown type
        "xoxb-your-token-here",
        "xoxb-12345",
        "xoxz-1234567890-abc",
        "xoxb-",
        // Google: 34 characters, 36 characters
        "AIzaSyA1b2C3d4E5A1b2C3d4E5A1b2C3d4E5A",
        "AIzaSyA1b2C3d4E5A1b2C3d4E5A1b2C3d4E5A1b2",
        // Stripe: test keys, publishable keys, too short
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "pk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "sk_live_short",
        // PEM: public material
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----",
        "-----BEGIN RSA PUBLIC KEY-----",
        "-----BEGIN PGP PUBLIC KEY BLOCK-----",
        "-----BEGIN PRIVATE KEY",
        // JWT: two segments, short segments, payload not JSON, four segments
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0",
        "eyJhbGci.eyJzdWIi.abc",
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24gYXQgYWxs.c2lnbmF0dXJlc2ln",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2ln.extrasegment",
        "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2ln",
        // URL: no password, references, empty, placeholders, no host, port only, ssh style, bad
        // scheme
        "https://user@host/x",
        "postgres://app:${DB_PASSWORD}@db/app",
        "postgres://app:$PW@db",
        "mysql://root:${MYSQL_ROOT_PASSWORD:?required}@db",
        "redis://:@host",
        "http://user:@host",
        "http://user:pw@",
        "http://host:8080/path",
        "http://user:***@host",
        "http://user:<password>@host",
        "git@github.com:org/repo.git",
        "ssh://git@github.com:22/org/repo",
        "://user:pw@host",
        "http://[::1]:8080/",
        "http://u:pw/@host",
        // vendor formats: wrong lengths, no boundary, placeholders, a 40-character run with no key
        // beside it
        "SG.short.short",
        "SG.ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf",
        "SK0123456789abcdef0123456789abcde",
        "xSK0123456789abcdef0123456789abcdef",
        "SK0123456789ABCDEF0123456789ABCDEF",
        "key-your-mailgun-key",
        "0123456789abcdef0123456789abcdef-usa",
        "0123456789abcdef-us1",
        "HRKU-short",
        "sq0atp-short",
        "GOCSPX-your-client-secret",
        "https://hooks.slack.com/services/YOUR/WEBHOOK/URL",
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "https://hooks.slack.com/services/",
        "https://outlook.office.com/webhook/short",
        "PuTTY-User-Key-File-9:",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "aws_secret_access_key=" + "abcdefghijabcdefghijabcdefghijabcdefghij"
      })
  void nothingFound(String text) {
    assertEquals(List.of(), CredentialPatterns.find(text), text);
  }

  @Test
  void severalMatchesAreSortedByStart() {
    String text = "A=" + JWT + " B=" + AWS + "\nC=postgres://u:pw1@db -----BEGIN PRIVATE KEY-----";
    List<Match> found = CredentialPatterns.find(text);
    assertEquals(
        List.of(Kind.JWT, Kind.AWS_ACCESS_KEY_ID, Kind.URL_PASSWORD, Kind.PRIVATE_KEY),
        found.stream().map(Match::kind).toList());
    assertEquals("pw1", found.get(2).text(text));
    assertEquals(AWS, found.get(1).text(text));
  }

  @Test
  void twoUrlsInARow() {
    String text = "a://u:p1@h://v:p2@k";
    List<Match> found = CredentialPatterns.find(text);
    assertEquals(List.of("p1", "p2"), found.stream().map(m -> m.text(text)).toList());
  }

  @Test
  void scansAnyCharSequence() {
    StringBuilder sb = new StringBuilder("RUN curl -H 'x: ").append(GHP).append("'");
    assertEquals(
        List.of(new Match(16, 16 + GHP.length(), Kind.GITHUB_TOKEN)), CredentialPatterns.find(sb));
    assertTrue(CredentialPatterns.containsAny(sb));
  }

  @Test
  void matchRejectsBadRanges() {
    assertThrows(IllegalArgumentException.class, () -> new Match(3, 2, Kind.JWT));
    assertThrows(IllegalArgumentException.class, () -> new Match(0, 1, null));
  }

  @Test
  void everyKindHasALabel() {
    for (Kind k : Kind.values()) assertTrue(!k.label().isBlank(), k.name());
  }

  /** Worst cases for each scanner, about 100 KB each: every one must finish well within the limit. */
  @TestFactory
  Stream<DynamicTest> linearTimeOnAdversarialInput() {
    int n = 100_000;
    return Stream.of(
        adversarial("AWS prefixes", "AKIA".repeat(n / 4)),
        adversarial("AWS long body", "AKIA" + "A".repeat(n)),
        adversarial("AWS STS prefixes", "ASIA".repeat(n / 4)),
        adversarial("GitHub prefixes", "ghp_".repeat(n / 4)),
        adversarial("GitHub long body", "ghp_" + "a".repeat(n)),
        adversarial("GitHub bare gh", "gh".repeat(n / 2)),
        adversarial("GitHub pat prefixes", "github_pat_".repeat(n / 11)),
        adversarial("GitHub pat long body", "github_pat_" + "a_".repeat(n / 2)),
        adversarial("Slack prefixes", "xoxb-".repeat(n / 5)),
        adversarial("Slack long body", "xoxb-" + "1-".repeat(n / 2)),
        adversarial("Slack bare xox", "xox".repeat(n / 3)),
        adversarial("Google prefixes", "AIza".repeat(n / 4)),
        adversarial("Google long body", "AIza" + "-".repeat(n)),
        adversarial("Stripe prefixes", "sk_live_".repeat(n / 8)),
        adversarial("Stripe long body", "rk_live_" + "9".repeat(n)),
        adversarial("PEM begins", "-----BEGIN ".repeat(n / 11)),
        adversarial("PEM almost", "-----BEGIN ENCRYPTED PRIVATE KEY----".repeat(n / 35)),
        adversarial("JWT long header without dots", "eyJ" + "QUJD".repeat(n / 4)),
        adversarial("JWT prefixes", "eyJ".repeat(n / 3)),
        adversarial("JWT dotted prefixes", "eyJ.".repeat(n / 4)),
        adversarial("JWT two segments", ("eyJ" + "a".repeat(10) + ".").repeat(n / 14)),
        adversarial(
            "JWT long first two segments", "eyJ" + "a".repeat(n / 2) + ".eyJ" + "b".repeat(n / 2)),
        adversarial("URL a: repeats", "a:".repeat(n / 2)),
        adversarial("URL schemes", "a://".repeat(n / 4)),
        adversarial("URL colons in authority", "a://" + "b:".repeat(n / 2) + "@"),
        adversarial("URL at signs", "http://" + "@".repeat(n)),
        adversarial("URL user colon at", "x://a:" + "@:".repeat(n / 2)),
        adversarial("URL long scheme", "a".repeat(n) + "://u:p@h"),
        adversarial("URL password references", "s://u:${" + "{".repeat(n) + "@h"),
        adversarial("SendGrid prefixes", "SG.".repeat(n / 3)),
        adversarial("SendGrid first segments", ("SG." + "a".repeat(22) + ".").repeat(n / 26)),
        adversarial("Twilio prefixes", "SK".repeat(n / 2)),
        adversarial("Mailgun long body", "key-" + "a".repeat(n)),
        adversarial("Mailchimp markers", "-us".repeat(n / 3)),
        adversarial(
            "Mailchimp hex and markers", ("0123456789abcdef".repeat(2) + "-us").repeat(n / 35)),
        adversarial("Heroku long body", "HRKU-" + "a".repeat(n)),
        adversarial("Braintree prefixes", "access_token$production$".repeat(n / 24)),
        adversarial("webhook markers", "hooks.slack.com/services/".repeat(n / 25)),
        adversarial("webhook segments", "hooks.slack.com/services/" + "a/".repeat(n / 2)),
        adversarial("Teams markers", ".webhook.office.com/webhookb2/".repeat(n / 30)),
        adversarial("Teams host run", "a".repeat(n) + ".webhook.office.com/webhookb2/x"),
        adversarial("AWS secret runs", "AKIAIOSFODNN7EXAMPLE " + "aB1/".repeat(n / 4)),
        adversarial("AWS secret keyword", "secret_access_key".repeat(n / 17)),
        adversarial("PuTTY headers", "PuTTY-User-Key-File-".repeat(n / 20)),
        adversarial(
            "everything",
            ("AKIA ghp_ xoxb- AIza sk_live_ eyJ. -----BEGIN a://u:p@ ").repeat(n / 60)));
  }

  private static DynamicTest adversarial(String name, String input) {
    return DynamicTest.dynamicTest(
        name,
        () ->
            assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> {
                  CredentialPatterns.find(input);
                }));
  }

  @org.junit.jupiter.api.Test
  void urlPasswordsBuiltFromVariablesAreNotReported() {
    // the password comes from the environment (a fallback default is a dev convenience, not a
    // leaked secret)
    assertEquals(List.of(), CredentialPatterns.find("http://u:${P:-dflt}@h"));
    assertEquals(
        List.of(),
        CredentialPatterns.find("postgresql://${PG_USER:-lw}:${PG_PASS:-lw}@postgres:5432/db"));
    assertEquals(
        List.of(), CredentialPatterns.find("postgresql://${PG_USER}:${PG_PASS:-changeme}@db/x"));
    // a literal password after a user taken from a variable is still one
    assertEquals(1, CredentialPatterns.find("postgresql://${PG_USER:-lw}:Sup3rS3cret@db/x").size());
  }
}
