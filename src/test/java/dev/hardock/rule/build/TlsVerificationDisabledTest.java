package dev.hardock.rule.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.RuleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsVerificationDisabledTest {
  @TempDir Path dir;

  /** curl's -k is named once as written, and explained when it hides in a cluster of short options. */
  @Test
  void curlMessagesNameTheFlagAsWritten() throws Exception {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(
        p,
        """
        FROM alpine:3.20
        RUN curl -k -o /x https://a.example/x
        RUN curl -fsSLk -o /y https://a.example/y
        RUN curl --insecure -o /z https://a.example/z
        USER app
        """);
    FileResult r =
        new Linter(new LintSettings(Set.of("HD309"), Set.of(), Map.of(), RuleOptions.NONE))
            .lint(new Target(p, "Dockerfile", SourceKind.DOCKERFILE), null);
    List<String> messages =
        r.findings().stream()
            .filter(f -> f.rule().id().equals("HD309"))
            .map(f -> f.message() + ": " + f.help())
            .toList();
    assertEquals(
        List.of(
            "curl -k disables TLS certificate verification: fix the CA bundle instead",
            "curl -fsSLk (-k) disables TLS certificate verification: fix the CA bundle instead",
            "curl --insecure disables TLS certificate verification: fix the CA bundle instead"),
        messages);
  }
}
