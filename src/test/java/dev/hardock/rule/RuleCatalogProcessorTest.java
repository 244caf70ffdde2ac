package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation processor that writes {@link RuleCatalog} while compiling (src/processor, compiled by the
 * build into target/processor-classes), run here on small rule sources of its own.
 */
class RuleCatalogProcessorTest {
  @TempDir Path dir;

  record Compiled(boolean ok, String errors, String catalog) {}

  Compiled compile(Map<String, String> sources) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> files = new ArrayList<>();
    for (var e : sources.entrySet()) {
      Path f = dir.resolve("src").resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      files.add(f);
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null);
        URLClassLoader loader =
            new URLClassLoader(new URL[] {Path.of("target/processor-classes").toUri().toURL()})) {
      Processor processor =
          (Processor)
              loader
                  .loadClass("dev.hardock.processor.RuleCatalogProcessor")
                  .getDeclaredConstructor()
                  .newInstance();
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              fm,
              diagnostics,
              List.of(
                  "-classpath",
                  System.getProperty("java.class.path"),
                  "-d",
                  out.toString(),
                  "-s",
                  generated.toString(),
                  "-proc:only"),
              null,
              fm.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(processor));
      boolean ok = task.call();
      StringBuilder errors = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) errors.append(d.getMessage(null)).append('\n');
      }
      Path catalog = generated.resolve("dev/hardock/rule/RuleCatalog.java");
      return new Compiled(
          ok, errors.toString(), Files.exists(catalog) ? Files.readString(catalog) : null);
    }
  }

  static String rule(String name, String id, String slug, String extra) {
    return "package x;\n"
        + "import dev.hardock.model.SourceKind;\nimport dev.hardock.rule.*;\n"
        + "@RuleInfo(id = \""
        + id
        + "\", slug = \""
        + slug
        + "\", severity = Severity.INFO, appliesTo = {SourceKind.COMPOSE,"
        + " SourceKind.RUN}"
        + extra
        + ")\n"
        + "public class "
        + name
        + " extends Rule { }\n";
  }

  @Test
  void writesTheIdentitiesInIdOrder() throws Exception {
    Compiled c =
        compile(
            Map.of(
                "x/Second.java",
                    rule("Second", "HD902", "second-rule", ", enabledByDefault = false"),
                "x/First.java", rule("First", "HD901", "first-rule", "")));
    assertTrue(c.ok(), c.errors());
    String catalog = c.catalog();
    assertTrue(catalog.contains("      \"x.First\",\n      \"x.Second\",\n"), catalog);
    assertTrue(
        catalog.contains(
            "m(\"HD901\", \"first-rule\", Severity.INFO, true, COMPOSE, RUN),\n"
                + "        m(\"HD902\", \"second-rule\", Severity.INFO, false, COMPOSE, RUN),\n"),
        catalog);
    assertFalse(catalog.contains("DOCKERFILE"), "only the kinds used are imported: " + catalog);
  }

  @Test
  void aDuplicateIdOrSlugFailsTheCompile() throws Exception {
    Compiled c =
        compile(
            Map.of(
                "x/One.java", rule("One", "HD901", "one", ""),
                "x/Two.java", rule("Two", "HD901", "two", ""),
                "x/Three.java", rule("Three", "HD903", "one", "")));
    assertFalse(c.ok());
    assertEquals(2, c.errors().lines().filter(l -> l.startsWith("@RuleInfo ")).count(), c.errors());
    assertTrue(c.errors().contains("@RuleInfo HD901 is also used by x."), c.errors());
    assertTrue(c.errors().contains("@RuleInfo one is also used by x.One"), c.errors());
  }

  @Test
  void theProcessorIsBuiltBeforeTheTests() throws IOException {
    assertTrue(
        Files.isRegularFile(
            Path.of("target/processor-classes/dev/hardock/processor/RuleCatalogProcessor.class")),
        "pom.xml compiles src/processor first");
  }
}
