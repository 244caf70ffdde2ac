package dev.hardock.rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule's documentation, {@code rules/<id>-<slug>.md}: front matter ({@code key: value} lines between
 * {@code ---}) and a Markdown body. The single source for --explain, SARIF help and the README table.
 */
public record RuleDoc(Map<String, String> front, String body) {
  public String summary() {
    return front.getOrDefault("summary", "");
  }

  /** The one-line fix hint ({@code fix:} in the front matter), or null when the doc has none. */
  public String fix() {
    String f = front.get("fix");
    return f == null || f.isBlank() ? null : f;
  }

  /** The text under a {@code ## heading} up to the next one, stripped; empty when there is no such heading. */
  public String section(String heading) {
    String b = "\n" + body;
    int h = b.indexOf("\n## " + heading + "\n");
    if (h < 0) return "";
    int from = h + heading.length() + 5;
    int next = b.indexOf("\n## ", from);
    return b.substring(from, next < 0 ? b.length() : next).strip();
  }

  public static RuleDoc parse(String text) {
    String t = text.replace("\r\n", "\n");
    Map<String, String> front = new LinkedHashMap<>();
    if (!t.startsWith("---\n")) return new RuleDoc(front, t);
    int end = t.indexOf("\n---\n", 3);
    if (end < 0) return new RuleDoc(front, t);
    for (String line : t.substring(4, end).split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) front.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return new RuleDoc(front, t.substring(end + 5));
  }

  /** Where a rule's documentation is published: its doc in the repository (the editor's link on a diagnostic). */
  public static String page(RuleMeta rule) {
    return "https://github.com/hardock/hardock/blob/main/rules/" + rule.docFileName();
  }

  /** What {@code --explain} prints (and the language server's hover shows): a title line, then the Markdown body. */
  public static String explain(RuleMeta rule) {
    RuleDoc doc = cached(rule);
    return rule.id()
        + " "
        + rule.slug()
        + " ("
        + rule.severity().id()
        + ")\n\n"
        + (doc == null ? "No documentation.\n" : doc.body().strip() + "\n");
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<RuleDoc>>
      CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  /** As {@link #load}, read once per rule (reports ask for the same doc for every finding). */
  public static RuleDoc cached(RuleMeta rule) {
    return CACHE
        .computeIfAbsent(rule.id(), id -> java.util.Optional.ofNullable(load(rule)))
        .orElse(null);
  }

  /** The doc packaged with hardock for that rule, or null when it is missing. */
  public static RuleDoc load(RuleMeta rule) {
    try (InputStream in = open("rules/" + rule.docFileName())) {
      if (in == null) return null;
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A file packaged with hardock: read from hardock's own jar when it runs from one, else (a build's classes
   * folder) through the class loader. The class loader looks for a resource in the runtime's modules first,
   * which opens the runtime's image reader: milliseconds at the first finding of a one-file run.
   */
  private static InputStream open(String name) throws IOException {
    java.util.zip.ZipFile jar = OwnJar.JAR;
    if (jar == null) return RuleDoc.class.getResourceAsStream("/" + name);
    java.util.zip.ZipEntry e = jar.getEntry(name);
    return e == null ? null : jar.getInputStream(e);
  }

  private static final class OwnJar {
    static final java.util.zip.ZipFile JAR = open();

    /**
     * The first entry of the class path, when it is a jar that holds this class: hardock's jar as the launchers
     * run it ({@code -jar}, or the release bundle's {@code -cp}). Not this class's CodeSource: a class that comes
     * from a JVM start-up cache (AppCDS, AOT) names the jar of the machine and folder where the cache was
     * made, which may be another build of hardock, or nothing, once the bundle is unpacked elsewhere.
     */
    private static java.util.zip.ZipFile open() {
      try {
        String cp = System.getProperty("java.class.path", "");
        int sep = cp.indexOf(java.io.File.pathSeparatorChar);
        java.nio.file.Path p = java.nio.file.Path.of(sep < 0 ? cp : cp.substring(0, sep));
        if (!p.toString().endsWith(".jar") || !java.nio.file.Files.isRegularFile(p)) return null;
        // outside FileAccess: hardock's own jar, named by the JVM, not by a linted tree
        java.util.zip.ZipFile jar = new java.util.zip.ZipFile(p.toFile());
        if (jar.getEntry(RuleDoc.class.getName().replace('.', '/') + ".class") != null) return jar;
        jar.close();
        return null;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }
}
