package dev.hardock.model.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretValuesTest {

  @ParameterizedTest(name = "[{0}] is a literal secret")
  @ValueSource(
      strings = {
        "hunter2",
        "s3cr3t-P@ss",
        "\"quoted secret\"",
        "'single quoted'",
        "123456",
        "42",
        // weak defaults that work as they stand
        "changeme",
        "CHANGE_ME",
        "password",
        "secret",
        "admin",
        // escaped dollars are text
        "pa$$word",
        "pa\\$word",
        "cost$",
        "a$-b",
        // a literal default of a reference is hardcoded
        "${DB_PASSWORD:-hunter2}",
        "${DB_PASSWORD-hunter2}",
        "${X:+alt}",
        "${A:-${B:-deep}}",
        "pre${A:-fix}",
        // an unclosed brace is text
        "ab${cd",
        // a placeholder-looking word inside a real value is not a placeholder
        "yourself123",
        "x1x2x3"
      })
  void literalSecretValues(String value) {
    assertEquals(true, SecretNames.isLiteralSecretValue(value), value);
  }

  @ParameterizedTest(name = "[{0}] is not a literal secret")
  @ValueSource(
      strings = {
        "",
        " ",
        "\"\"",
        "''",
        // references
        "$DB_PASSWORD",
        "${DB_PASSWORD}",
        "${DB_PASSWORD:?set it}",
        "${DB_PASSWORD?}",
        "${DB_PASSWORD:-}",
        "${DB_PASSWORD-}",
        "${A:-$B}",
        "${A:-${B}}",
        "Bearer $TOKEN",
        "prefix-${SUFFIX}",
        "$(cat /token)",
        "`cat /token`",
        "$1",
        "${#VAR}",
        // secret files
        "/run/secrets/db_password",
        "/var/run/secrets/token",
        "\"/run/secrets/x\"",
        // switches
        "true",
        "FALSE",
        "yes",
        "No",
        "on",
        "off",
        "0",
        "1",
        // null words
        "null",
        "None",
        "nil",
        "undefined",
        "~",
        // placeholders that cannot work as they stand
        "<password>",
        "<your-token>",
        "{{ .Values.dbPassword }}",
        "{{token}}",
        "your-password-here",
        "YOUR_API_KEY",
        "YourPassword",
        "your_token",
        "insert_token_here",
        "xxx",
        "XXXXXXXX",
        "***",
        "...",
        "xxxx-xxxx-xxxx",
        "###",
        "\u2022\u2022\u2022"
      })
  void notLiteralSecretValues(String value) {
    assertEquals(false, SecretNames.isLiteralSecretValue(value), value);
  }

  @Test
  void nullValueIsNotLiteral() {
    assertEquals(false, SecretNames.isLiteralSecretValue(null));
    assertEquals(false, SecretNames.isLiteralSecretValue("X_PASSWORD", null));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a path where the name says file or key material: points at the secret
        "POSTGRES_PASSWORD_FILE|/etc/app/db_password|false",
        "GOOGLE_APPLICATION_CREDENTIALS|/app/service-account.json|false",
        "SSL_PRIVATE_KEY|/etc/ssl/private/server.key|false",
        "JWT_SIGNING_KEY|~/keys/jwt.pem|false",
        "CLIENT_KEY|C:\\certs\\client.key|false",
        // relative paths too (Trivy DS-0031's ENV GOOGLE_APPLICATION_CREDENTIALS
        // ./app/google-storage-service.json)
        "GOOGLE_APPLICATION_CREDENTIALS|./app/google-storage-service.json|false",
        "GOOGLE_APPLICATION_CREDENTIALS|\"./news-extraction.json\"|false",
        "GOOGLE_APPLICATION_CREDENTIALS|../keys/sa.json|false",
        "GOOGLE_APPLICATION_CREDENTIALS|sa.json|false",
        "SSL_PRIVATE_KEY|certs/server.key|false",
        "SSH_KEY|id_ed25519.pem|false",
        // a key with slashes but no file name is key material, not a path
        "AWS_SECRET_ACCESS_KEY|wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|true",
        "DB_PASSWORD|./abc123|true",
        // a path-looking value of a password or token name is still flagged
        "DB_PASSWORD|/abc123|true",
        // a non-path value of a key name is flagged
        "SSL_PRIVATE_KEY|MIIEvQIBADANBg|true",
        // a path with spaces is not a path
        "GOOGLE_APPLICATION_CREDENTIALS|/a b|true",
        // /run/secrets is never a secret, whatever the name
        "DB_PASSWORD|/run/secrets/db|false"
      })
  void valueWithName(String name, String value, boolean expected) {
    assertEquals(expected, SecretNames.isLiteralSecretValue(name, value), name + "=" + value);
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DB_PASSWORD|hunter2|true",
        "DB_PASSWORD|${DB_PASSWORD}|false",
        "DB_PASSWORD_FILE|/run/secrets/db|false",
        "MYSQL_ALLOW_EMPTY_PASSWORD|yes|false",
        "REDIS_AUTH|false|false",
        "REDIS_AUTH|s3cret!|true",
        "GPG_KEY|A35D8D2F8E0E4F1C|false",
        "AWS_ACCESS_KEY_ID|AKIAIOSFODNN7EXAMPLE|false",
        "AWS_SECRET_ACCESS_KEY|wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|true",
        "PASSWORD_MIN_LENGTH|12|false"
      })
  void literalSecret(String name, String value, boolean expected) {
    assertEquals(expected, SecretNames.isLiteralSecret(name, value), name + "=" + value);
  }

  @Test
  void resolvingNestedOrUnclosedReferencesIsLinear() {
    String unclosed = "${".repeat(50_000);
    String nested = "${A:-".repeat(20_000) + "x" + "}".repeat(20_000);
    String dollars = "$".repeat(100_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertEquals(true, SecretNames.isLiteralSecretValue(unclosed));
          assertEquals(
              false,
              SecretNames.isLiteralSecretValue(nested)); // deeper than the guard: not literal
          assertEquals(true, SecretNames.isLiteralSecretValue(dollars));
        });
  }
}
