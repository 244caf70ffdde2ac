package dev.hardock.model.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

  @ParameterizedTest(name = "{0} is a secret name")
  @ValueSource(
      strings = {
        "PASSWORD",
        "DB_PASSWORD",
        "POSTGRES_PASSWORD",
        "MYSQL_ROOT_PASSWORD",
        "ROOTPASSWORD",
        "dbPassword",
        "spring.datasource.password",
        "SMTP_PASSWD",
        "DB_PASS",
        "PASS",
        "MYSQL_PWD",
        "DB_PWD",
        "SSL_PASSPHRASE",
        "SECRET",
        "JWT_SECRET",
        "CLIENT_SECRET",
        "OAUTH_CLIENT_SECRET",
        "clientSecret",
        "APP_SECRETS",
        "TOKEN",
        "GITHUB_TOKEN",
        "AUTH_TOKEN",
        "OAUTH_TOKEN",
        "ACCESS_TOKEN",
        "githubToken",
        "CSRFTOKEN",
        "API_KEY",
        "APIKEY",
        "apiKey",
        "APIKey",
        "STRIPE_API_KEY",
        "MY_APIKEY",
        "NEXT_API_KEYS",
        "ACCESS_KEY",
        "AWS_SECRET_ACCESS_KEY",
        "PRIVATE_KEY",
        "SECRET_KEY",
        "DJANGO_SECRET_KEY",
        "SECRET_KEY_BASE",
        "SIGNING_KEY",
        "ENCRYPTION_KEY",
        "MASTER_KEY",
        "APP_KEY",
        "AZURE_STORAGE_ACCOUNT_KEY",
        "AUTH_KEY",
        "SECURE_AUTH_KEY",
        "NEW_RELIC_LICENSE_KEY",
        "CREDENTIALS",
        "DB_CREDENTIAL",
        "REGISTRY_CREDS",
        "BASIC_AUTH",
        "REDIS_AUTH",
        "AUTH",
        "HTTP_AUTHORIZATION",
        "AUTH_SALT",
        "GITHUB_PAT",
        "db-password",
        "ADMIN_PASSWORD_HASH",
        "KEYSTORE_PASSWORD"
      })
  void secretNames(String name) {
    assertEquals(true, SecretNames.isSecretName(name), name);
  }

  @ParameterizedTest(name = "{0} is not a secret name")
  @ValueSource(
      strings = {
        // the shell's working directories, and words that merely contain a keyword
        "PWD",
        "OLDPWD",
        "pwd",
        "PASSENGER_APP_ENV",
        "PASSTHROUGH",
        "BYPASS_PROXY",
        "AUTHOR",
        "AUTHORS",
        "SECRETARY_EMAIL",
        "TOKENIZER",
        "COMPASS",
        "SURPASSED",
        // a file, path or URL of a secret, not the secret
        "POSTGRES_PASSWORD_FILE",
        "MYSQL_ROOT_PASSWORD_FILE",
        "JWT_SECRET_FILE",
        "TOKEN_URL",
        "OAUTH_TOKEN_URL",
        "AUTH_URL",
        "SECRETS_DIR",
        "CREDENTIALS_PATH",
        "AWS_SHARED_CREDENTIALS_FILE",
        "VAULT_TOKEN_PATH",
        "KEY_SERVER",
        "SSH_AUTH_SOCK",
        "AUTH_HOST",
        "AUTH_PORT",
        "AUTH_ENDPOINT",
        // policy, lifetimes, sizes
        "TOKEN_EXPIRY",
        "PASSWORD_HASH_ALGO",
        "ACCESS_KEY_ID_ENV",
        "SECRET_VAR",
        "TOKEN_TTL",
        "ACCESS_TOKEN_LIFETIME_SECONDS",
        "PASSWORD_MIN_LENGTH",
        "MIN_PASSWORD_LENGTH",
        "PASSWORD_POLICY",
        "PASSWORD_HASHERS",
        "PASSWORD_RESET_TIMEOUT",
        "BCRYPT_PASSWORD_ROUNDS",
        // who or what kind
        "AWS_ACCESS_KEY_ID",
        "OAUTH_CLIENT_ID",
        "SECRET_NAME",
        "AUTH_USER",
        "BASIC_AUTH_USERNAME",
        "AUTH_TYPE",
        "POSTGRES_HOST_AUTH_METHOD",
        "AUTH_MODE",
        "MONGO_AUTH_SOURCE",
        "TOKEN_AUDIENCE",
        "JWT_ALGORITHM",
        "GF_AUTH_ANONYMOUS_ORG_ROLE",
        "AUTH_PROVIDER",
        // switches
        "PASSWORD_ENABLED",
        "AUTH_ENABLED",
        "GF_AUTH_BASIC_ENABLED",
        "AUTH_DISABLED",
        "TOKEN_REQUIRED",
        "MYSQL_ALLOW_EMPTY_PASSWORD",
        "MYSQL_RANDOM_ROOT_PASSWORD",
        "DISABLE_AUTH",
        "USE_TOKEN",
        "NO_AUTH",
        // AUTH as a settings group, not a credential
        "GF_AUTH_DISABLE_LOGIN_FORM",
        "GF_AUTH_GENERIC_OAUTH_SCOPES",
        "AUTH_ANONYMOUS_ORG_NAME",
        // public keys, fingerprints and other non-secret keys
        "GPG_KEY",
        "GPG_KEYS",
        "NODE_GPG_KEYS",
        "PUBLIC_KEY",
        "SSH_PUBLIC_KEY",
        "NEXT_PUBLIC_API_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "KEYRING",
        "CACHE_KEY",
        "SORT_KEY",
        "KEY",
        "PRIMARY_KEY",
        "GPG_FINGERPRINT",
        // unrelated
        "PATH",
        "HOME",
        "NODE_ENV",
        "LANG",
        "JAVA_HOME",
        "PYTHONUNBUFFERED",
        "",
        "_",
        "__"
      })
  void notSecretNames(String name) {
    assertEquals(false, SecretNames.isSecretName(name), name);
  }

  @Test
  void nullNameIsNotSecret() {
    assertEquals(false, SecretNames.isSecretName(null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DB_PASSWORD|DB PASSWORD",
        "dbPassword|DB PASSWORD",
        "APIKey|API KEY",
        "OAuthToken|O AUTH TOKEN",
        "spring.datasource.password|SPRING DATASOURCE PASSWORD",
        "my-api-key|MY API KEY",
        "S3Bucket|S3 BUCKET",
        "__A__b__|A B"
      })
  void parts(String name, String expected) {
    assertEquals(List.of(expected.split(" ")), SecretNames.parts(name));
  }
}
