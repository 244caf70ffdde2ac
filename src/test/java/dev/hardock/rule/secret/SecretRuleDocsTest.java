package dev.hardock.rule.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the docs of this branch for the shape of STYLE.md (front matter keys, headings, one code block under
 * Bad and Good) and runs the examples of the secret rules through the domain classes: Bad must contain what
 * the rule flags, Good must contain no credential and no literal secret. Until the catalog test exists,
 * this keeps the examples honest; it can be dropped once the fixture factory runs the doc blocks.
 */
class SecretRuleDocsTest {
  private static final List<String> KEYS = List.of("id", "slug", "severity", "applies-to", "summary", "references");
  private static final List<String> HEADINGS =
      List.of("## What it flags", "## Why it matters", "## Bad", "## Good", "## When to ignore it");
  private static final Pattern ENV_OR_ARG = Pattern.compile("(?m)^(ENV|ARG)\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?");

  @ParameterizedTest
  @ValueSource(strings = {"HD001-parse-error", "HD201-latest-tag", "HD301-user-missing", "HD302-user-root",
      "HD401-secret-in-env", "HD402-secret-in-build-arg", "HD403-hardcoded-credential"})
  void docShape(String name) throws IOException {
    String doc = read(name);
    String[] lines = doc.split("\n", -1);
    assertEquals("---", lines[0]);
    for (int i = 0; i < KEYS.size(); i++) {
      assertTrue(lines[i + 1].startsWith(KEYS.get(i) + ": "), name + ": line " + (i + 2) + " " + lines[i + 1]);
    }
    assertEquals("---", lines[KEYS.size() + 1]);
    assertEquals("id: " + name.substring(0, 5), lines[1]);
    assertEquals("slug: " + name.substring(6), lines[2]);
    assertTrue(!lines[5].endsWith("."), "summary ends with a period");
    int at = 0;
    for (String h : HEADINGS) {
      int found = doc.indexOf("\n" + h + "\n", at);
      assertTrue(found > at, name + ": missing or out of order: " + h);
      at = found + 1;
    }
    assertEquals(1, blocks(section(doc, "## Bad")).size(), name + ": code blocks under Bad");
    assertEquals(1, blocks(section(doc, "## Good")).size(), name + ": code blocks under Good");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HD001-parse-error", "HD201-latest-tag", "HD301-user-missing", "HD302-user-root",
      "HD401-secret-in-env", "HD402-secret-in-build-arg", "HD403-hardcoded-credential"})
  void goodExamplesHaveNoSecrets(String name) throws IOException {
    String good = blocks(section(read(name), "## Good")).get(0);
    assertEquals(List.of(), CredentialPatterns.find(good), name);
    for (String[] kv : envAndArgs(good)) {
      assertTrue(!SecretNames.isSecretName(kv[1]) || (kv[0].equals("ENV") && !SecretNames.isLiteralSecretValue(kv[1], kv[2])),
          name + ": " + String.join(" ", kv));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HD401-secret-in-env", "HD402-secret-in-build-arg", "HD403-hardcoded-credential"})
  void badExamplesHaveWhatTheRuleFlags(String name) throws IOException {
    String bad = blocks(section(read(name), "## Bad")).get(0);
    List<String[]> vars = envAndArgs(bad);
    switch (name.substring(0, 5)) {
      case "HD401" -> assertTrue(vars.stream().anyMatch(v -> v[0].equals("ENV") && SecretNames.isLiteralSecret(v[1], v[2])));
      case "HD402" -> assertTrue(vars.stream().anyMatch(v -> v[0].equals("ARG") && SecretNames.isSecretName(v[1])));
      default -> assertEquals(List.of(CredentialPatterns.Kind.AWS_ACCESS_KEY_ID),
          CredentialPatterns.find(bad).stream().map(CredentialPatterns.Match::kind).toList());
    }
  }

  private static String read(String name) throws IOException {
    return Files.readString(Path.of("rules", name + ".md")).replace("\r\n", "\n");
  }

  private static String section(String doc, String heading) {
    int start = doc.indexOf("\n" + heading + "\n") + heading.length() + 2;
    int end = doc.indexOf("\n## ", start);
    return doc.substring(start, end < 0 ? doc.length() : end + 1);
  }

  private static List<String> blocks(String section) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?ms)^```[a-z]+\n(.*?)^```$").matcher(section);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  private static List<String[]> envAndArgs(String dockerfile) {
    List<String[]> out = new ArrayList<>();
    Matcher m = ENV_OR_ARG.matcher(dockerfile);
    while (m.find()) out.add(new String[] {m.group(1), m.group(2), m.group(3)});
    return out;
  }
}
