package dev.hardock.rule.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretFilesTest {
  /** The regex isPublic replaced (quadratic on long names): same answers on every name that matters. */
  static final Pattern OLD_PUBLIC =
      Pattern.compile(
          "(ca|cacert|ca-bundle|ca-certificates|chain|fullchain|bundle)([-_.].*)?\\.pem|.*(cert|crt|pub|public)[^/]*\\.(pem|key)"
              + "|.*\\.(gpg|asc|pub)\\.key");

  @Test
  void isPublicAnswersAsTheRegexDid() {
    for (String n :
        List.of(
            "ca.pem",
            "cacert.pem",
            "ca-bundle.crt.pem",
            "chain.pem",
            "fullchain-2.pem",
            "bundle_x.pem",
            "server.pem",
            "server.key",
            "cert.pem",
            "server-cert.pem",
            "tls.crt.key",
            "id_rsa.pub.key",
            "public.key",
            "repo.gpg.key",
            "x.asc.key",
            "key.pem",
            ".pem",
            "ca.key",
            "cab.pem",
            "capem",
            "cert",
            "pub.pem",
            "mycrtx.key",
            "a.gpg.pem",
            "docker.asc.key",
            "id_ed25519",
            "cert.pemx",
            "pubx.key.bak")) {
      assertEquals(OLD_PUBLIC.matcher(n).matches(), SecretFiles.isPublic(n), n);
    }
  }

  @Test
  void longNamesAndGlobsAreLinear() {
    String certs = "cert".repeat(25_000) + "x";
    String brackets = "[".repeat(100_000) + ".env";
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertNull(SecretFiles.kind(certs));
          SecretFiles.kind(brackets);
          SecretFiles.kind("[]".repeat(50_000) + "*.pem");
        });
  }

  /** A bracket set Java's regex cannot read made the whole file an internal error before. */
  @Test
  void globsWithBracketSetsJavaCannotReadAreNoSecretAndNoCrash() {
    assertNull(SecretFiles.kind("[z-a].env*"));
    assertNull(SecretFiles.kind("[[:alpha:]]*.pem"));
    assertEquals("a dotenv file", SecretFiles.kind(".env*"));
    assertEquals(SecretFiles.kind("id_rsa"), SecretFiles.kind("id_[r]sa"));
  }

  @Test
  void literalDropsWildcardsAndBracketSets() {
    assertEquals(".env", SecretFiles.literal("*.env[.-]*"));
    assertEquals("[abc", SecretFiles.literal("[abc"));
    assertEquals("idrsa", SecretFiles.literal("id[_]rsa?"));
  }
}
