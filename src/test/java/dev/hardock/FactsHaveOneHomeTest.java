package dev.hardock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One domain fact, one place: the shell program names live in {@code model/Shells}, the command wrappers with
 * their option syntax in {@code model/EffectiveCommand}, curl's and wget's option letters in
 * {@code model/DownloadTool}, the fields of {@code RUN --mount} in the Dockerfile reader ({@code RunMount}).
 * This test reads the string literals of every main source file and fails on a copy elsewhere: a statement
 * listing two shell names or two wrappers, a lone shell name that only a shell list would hold, a literal of
 * option letters, a {@code from=}/{@code type=} mount field matched by hand. Every copy is listed at once.
 */
class FactsHaveOneHomeTest {
  private static final Path MAIN = Path.of("src/main/java/dev/hardock");

  private static final Set<String> SHELL_NAMES =
      Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash", "posh", "fish", "busybox");

  /** Shell names that mean nothing else in our sources: one of them alone is a copy. */
  private static final Set<String> ONLY_SHELLS =
      Set.of("dash", "ash", "ksh", "mksh", "yash", "posh", "fish");

  /** Wrappers whose names mean nothing else here (not env, exec, command, timeout: compose keys too). */
  private static final Set<String> WRAPPERS =
      Set.of(
          "sudo",
          "doas",
          "nice",
          "ionice",
          "nohup",
          "setsid",
          "stdbuf",
          "eatmydata",
          "fakeroot",
          "gosu",
          "su-exec",
          "tini",
          "dumb-init");

  private static final Set<String> MOUNT_FIELDS =
      Set.of("from=", "type=secret", "type=bind", "type=cache");

  /**
   * Lists that hold these names for another fact, each named by a token of its statement: Docker Official
   * Images (bash, busybox are images there) and Markdown fence languages (sh, bash, zsh as info strings).
   */
  private static final Set<String> OTHER_FACTS = Set.of("OfficialImages", "SHELL_TAGS");

  /** One statement of a source file: its string literals and its code without them. */
  record Statement(Path file, int line, List<String> literals, String code) {}

  @Test
  void shellsWrappersOptionLettersAndMountFieldsHaveOneHome() throws IOException {
    List<String> copies = new ArrayList<>();
    for (Statement s : statements()) {
      String where = MAIN.relativize(s.file()) + ":" + s.line();
      String file = s.file().getFileName().toString();
      boolean otherFact =
          OTHER_FACTS.stream().anyMatch(t -> s.code().contains(t) || file.equals(t + ".java"));
      if (!file.equals("Shells.java") && !otherFact) {
        long shells = s.literals().stream().filter(SHELL_NAMES::contains).count();
        if (shells >= 2)
          copies.add(where + ": shell names listed outside model/Shells: " + s.literals());
        for (String l : s.literals()) {
          if (ONLY_SHELLS.contains(l) || l.equals("busybox"))
            copies.add(where + ": shell name \"" + l + "\" outside model/Shells");
          if (l.contains("bash|") || l.contains("|bash"))
            copies.add(where + ": shell names in a pattern: " + l);
        }
      }
      if (!file.equals("EffectiveCommand.java")) {
        long wrappers = s.literals().stream().filter(WRAPPERS::contains).count();
        if (wrappers >= 2)
          copies.add(
              where + ": command wrappers listed outside model/EffectiveCommand: " + s.literals());
      }
      if (!file.equals("DownloadTool.java") && !file.equals("EffectiveCommand.java")) {
        for (String l : s.literals()) {
          if (optionLetters(l))
            copies.add(where + ": option letters outside their tool's table: \"" + l + "\"");
        }
      }
      if (!file.equals("DockerfileReader.java") && !file.equals("RunMount.java")) {
        for (String l : s.literals()) {
          if (MOUNT_FIELDS.contains(l.toLowerCase(java.util.Locale.ROOT))) {
            copies.add(
                where
                    + ": RUN --mount field \""
                    + l
                    + "\" matched outside the reader (use Instruction.Run.mounts())");
          }
        }
      }
    }
    assertEquals("", String.join("\n", copies));
  }

  /** The guard must see what it guards: the homes themselves hold the facts it looks for. */
  @Test
  void theGuardFindsTheHomes() throws IOException {
    List<Statement> all = statements();
    assertTrue(
        all.stream()
            .anyMatch(s -> s.file().endsWith("Shells.java") && s.literals().contains("mksh")));
    assertTrue(
        all.stream()
            .anyMatch(
                s ->
                    s.file().endsWith("DownloadTool.java")
                        && s.literals().stream().anyMatch(FactsHaveOneHomeTest::optionLetters)));
    assertTrue(
        all.stream()
            .anyMatch(
                s ->
                    s.file().endsWith("EffectiveCommand.java")
                        && s.literals().stream().filter(WRAPPERS::contains).count() >= 3));
    assertTrue(optionLetters("AbcCdDeEFHKmoPQrtTuUwxXyYz"));
    assertTrue(optionLetters("oaOeiBtTwQPlARDIXU"));
  }

  /**
   * A run of option letters ({@code "AbcCdDeEFHKm..."}): letters only, at least 8, with the lower and upper case
   * of at least three letters (words and identifiers do not pair cases like that).
   */
  static boolean optionLetters(String l) {
    if (l.length() < 8
        || !l.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    int pairs = 0;
    for (char c = 'a'; c <= 'z'; c++) {
      if (l.indexOf(c) >= 0 && l.indexOf(Character.toUpperCase(c)) >= 0) pairs++;
    }
    return pairs >= 3;
  }

  static List<Statement> statements() throws IOException {
    List<Statement> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(MAIN)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : files) split(f, Files.readString(f), out);
    return out;
  }

  /** Splits Java source at semicolons outside literals and comments, keeping each statement's literals. */
  static void split(Path file, String src, List<Statement> out) {
    List<String> literals = new ArrayList<>();
    StringBuilder code = new StringBuilder();
    int line = 1;
    int startLine = 1;
    int n = src.length();
    for (int i = 0; i < n; i++) {
      char c = src.charAt(i);
      if (c == '\n') line++;
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        while (i < n && src.charAt(i) != '\n') i++;
        line++;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int end = src.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 1;
        for (int k = i; k < end; k++) if (src.charAt(k) == '\n') line++;
        i = end;
      } else if (c == '"' && src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end;
        for (int k = i; k < end; k++) if (src.charAt(k) == '\n') line++;
        literals.add(src.substring(Math.min(i + 3, end), end));
        i = end + 2;
      } else if (c == '"' || c == '\'') {
        StringBuilder lit = new StringBuilder();
        int k = i + 1;
        while (k < n && src.charAt(k) != c && src.charAt(k) != '\n') {
          if (src.charAt(k) == '\\' && k + 1 < n) {
            lit.append(
                src.charAt(k + 1) == '\\'
                    ? '\\'
                    : src.charAt(k + 1) == '|' ? '|' : src.charAt(k + 1));
            k += 2;
          } else {
            lit.append(src.charAt(k++));
          }
        }
        if (c == '"') literals.add(lit.toString());
        i = k;
      } else if (c == ';' || c == '{' || c == '}') {
        if (!literals.isEmpty())
          out.add(new Statement(file, startLine, List.copyOf(literals), code.toString()));
        literals.clear();
        code.setLength(0);
        startLine = line;
      } else {
        if (code.length() == 0 && Character.isWhitespace(c)) startLine = line;
        code.append(c);
      }
    }
    if (!literals.isEmpty())
      out.add(new Statement(file, startLine, List.copyOf(literals), code.toString()));
  }
}
