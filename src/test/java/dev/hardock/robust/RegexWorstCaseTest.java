package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * CWE-1333: every regular expression in src/main that can meet user input runs in linear time. The test
 * finds them itself (static Pattern fields by reflection, string literals passed to Pattern.compile,
 * matches, replaceAll, replaceFirst and split in the sources), builds ~100 KB worst cases from each
 * pattern's own characters and words (a long run of what the pattern loops over, then a character that
 * makes the match fail, which is what makes a backtracking engine try every split) and runs it the way the
 * product does: matches() for a pattern only ever used with matches(), find() over the whole text otherwise.
 * A quadratic pattern needs ~10^10 reads of the input on 100 KB and fails the read budget (no timing).
 */
class RegexWorstCaseTest {
  static final int SIZE = 100_000;
  static final Path MAIN = Path.of("src/main/java");

  /** Patterns the product applies only with matches() (whole-string), where find() would not be their cost. */
  static final Set<String> MATCHES_ONLY =
      Set.of(
          "DockerfileReader.DIRECTIVE",
          "RunBlocks.FENCE",
          "HostDevice.RAW",
          "SecretFiles.CA_BUNDLE",
          "SecretFiles.PATHS",
          "SecretFiles.NAMES",
          "AddSource.ARCHIVE",
          "AddSource.GIT",
          "TlsVerificationDisabled.GIT_KEY",
          "TlsVerificationDisabled.FALSE",
          "UnsignedPackages.APT_OPTION",
          "AptInstallRecommends.OFF",
          "Suppressions.NAMES",
          "Suppressions.NAME");

  record Regex(String where, Pattern pattern, boolean wholeOnly) {}

  static List<Regex> all() throws Exception {
    Map<String, Regex> out = new LinkedHashMap<>();
    List<Path> sources;
    try (Stream<Path> s = Files.walk(MAIN)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path src : sources) {
      String cls = MAIN.relativize(src).toString().replace('/', '.').replaceAll("\\.java$", "");
      if (cls.contains("source.dockerfile.Dockerfile")
          && (cls.endsWith("Lexer") || cls.endsWith("Parser"))) continue;
      Class<?> c;
      try {
        c = Class.forName(cls);
      } catch (ClassNotFoundException e) {
        continue;
      }
      for (Class<?> k : withNested(c)) {
        for (Field f : k.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) continue;
          f.setAccessible(true);
          String name = c.getSimpleName() + "." + f.getName();
          boolean whole = MATCHES_ONLY.contains(name);
          Object v = f.get(null);
          if (v instanceof Pattern p) out.putIfAbsent(p.pattern(), new Regex(name, p, whole));
          if (v instanceof List<?> l) {
            for (Object o : l) {
              for (Field rf : o.getClass().getDeclaredFields()) {
                if (rf.getType() == Pattern.class) {
                  rf.setAccessible(true);
                  Pattern p = (Pattern) rf.get(o);
                  out.putIfAbsent(p.pattern(), new Regex(name, p, whole));
                }
              }
            }
          }
        }
      }
      literals(src, c.getSimpleName(), out);
    }
    return new ArrayList<>(out.values());
  }

  static List<Class<?>> withNested(Class<?> c) {
    List<Class<?>> all = new ArrayList<>(List.of(c));
    for (Class<?> n : c.getDeclaredClasses()) all.addAll(withNested(n));
    return all;
  }

  static final Pattern CALL =
      Pattern.compile(
          "(Pattern\\.compile|Pattern\\.matches|\\.matches|\\.replaceAll|\\.replaceFirst|\\.split)\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*([+,)])");

  static void literals(Path src, String cls, Map<String, Regex> out) throws IOException {
    String text = Files.readString(src);
    Matcher m = CALL.matcher(text);
    while (m.find()) {
      if (m.group(3).equals("+")) continue; // a concatenated literal: the static field covers it
      String regex = unescape(m.group(2));
      boolean whole = m.group(1).endsWith("matches");
      int line = (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count() + 1;
      try {
        out.putIfAbsent(regex, new Regex(cls + ":" + line, Pattern.compile(regex), whole));
      } catch (RuntimeException notARegex) {
        // e.g. a split on a literal that the scan misread: nothing to test
      }
    }
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }

  /** Long runs of the pattern's own characters, characters pairs and words, each followed by a spoiler. */
  static List<String> attacks(String regex) {
    Set<String> units =
        new LinkedHashSet<>(List.of(" ", "\t", "a", "0", "a ", " a", "-", "/", ".", "\n"));
    for (char c : regex.toCharArray()) if (c >= 0x20 && c != '\\') units.add(String.valueOf(c));
    for (int i = 0; i + 1 < regex.length(); i++) {
      String pair = regex.substring(i, i + 2);
      if (pair.indexOf('\\') < 0) units.add(pair);
    }
    Matcher w = Pattern.compile("[A-Za-z0-9_:-]{2,}").matcher(regex);
    while (w.find()) {
      units.add(w.group());
      units.add(w.group() + " ");
      units.add(w.group() + ".");
      units.add(w.group() + "/");
    }
    List<String> out = new ArrayList<>();
    for (String u : units) {
      String run = u.repeat(SIZE / u.length());
      out.add(run + "\u0001");
      if (u.length() == 1) out.add("x" + run + "\u0001");
    }
    return out;
  }

  @Test
  void theScanFindsThePatterns() throws Exception {
    List<Regex> all = all();
    assertTrue(all.size() >= 40, "only " + all.size() + " patterns found: " + all);
    assertTrue(
        all.stream().anyMatch(r -> r.where().equals("SecretFiles.CA_BUNDLE")), all.toString());
  }

  /** Reads per input character a linear pattern may take (alternations of many words read a few each). */
  static final int READS_PER_CHAR = 1_000;

  /**
   * The text seen by the matcher, counting its reads: java.util.regex reads its input only through charAt, so
   * the count is the engine's work. Past the budget it aborts, so a quadratic pattern (~10^10 reads on 100 KB)
   * fails at once and deterministically, whatever the machine's load: no timing involved.
   */
  static final class CountingText implements CharSequence {
    final String s;
    final long budget;
    long reads;

    CountingText(String s, long budget) {
      this.s = s;
      this.budget = budget;
    }

    @Override
    public char charAt(int i) {
      if (++reads > budget) throw new IllegalStateException("over budget");
      return s.charAt(i);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int a, int b) {
      return s.subSequence(a, b);
    }

    @Override
    public String toString() {
      return s;
    }
  }

  /** The read budget tells the two apart: find() of a+b over a long run of a is quadratic, a+ is linear. */
  @Test
  void theBudgetCatchesAQuadraticPatternAndPassesALinearOne() {
    String run = "a".repeat(SIZE) + "\u0001";
    CountingText quadratic = new CountingText(run, (long) READS_PER_CHAR * run.length());
    Matcher q = java.util.regex.Pattern.compile("a+b").matcher(quadratic);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, q::find);
    CountingText linear = new CountingText(run, (long) READS_PER_CHAR * run.length());
    Matcher l = java.util.regex.Pattern.compile("a+\u0001").matcher(linear);
    assertTrue(l.find());
    assertTrue(linear.reads < 5L * run.length(), linear.reads + " reads");
  }

  @TestFactory
  Stream<DynamicTest> everyPatternIsLinearOnItsWorstCase() throws Exception {
    return all().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.where() + " " + r.pattern().pattern(),
                    () -> {
                      for (String attack : attacks(r.pattern().pattern())) {
                        CountingText s =
                            new CountingText(attack, (long) READS_PER_CHAR * attack.length());
                        try {
                          Matcher m = r.pattern().matcher(s);
                          if (r.wholeOnly()) {
                            m.matches();
                          } else {
                            int found = 0;
                            while (m.find() && found++ < SIZE) {
                              if (m.end() == m.start() && m.end() < s.length())
                                m.region(m.end() + 1, s.length());
                            }
                          }
                        } catch (IllegalStateException over) {
                          throw new AssertionError(
                              "super-linear on a crafted input (over "
                                  + READS_PER_CHAR
                                  + " reads per character): "
                                  + r.where()
                                  + " "
                                  + r.pattern().pattern());
                        }
                      }
                    }));
  }
}
