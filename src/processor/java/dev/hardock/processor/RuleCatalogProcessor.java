package dev.hardock.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Writes {@code dev.hardock.rule.RuleCatalog} while the main sources compile: the {@code @RuleInfo} of every rule
 * class as plain code, in id order, so that start-up parses no annotation and the jar cannot disagree with the
 * annotations it was compiled from. Compiled by its own execution of the compiler plugin before the main
 * compile (pom.xml), which runs it with {@code -processor}. It reads annotation mirrors only, so it needs none
 * of hardock's classes.
 */
public final class RuleCatalogProcessor extends AbstractProcessor {
  static final String ANNOTATION = "dev.hardock.rule.RuleInfo";
  static final String CATALOG = "dev.hardock.rule.RuleCatalog";

  private boolean written;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ANNOTATION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  private record Entry(
      String className,
      String id,
      String slug,
      String severity,
      List<String> kinds,
      boolean enabled,
      Element element) {}

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written || annotations.isEmpty()) return false;
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ANNOTATION);
    if (annotation == null) return false;
    List<Entry> entries = new ArrayList<>();
    for (Element e : round.getElementsAnnotatedWith(annotation)) {
      if (!(e instanceof TypeElement type)) continue;
      for (AnnotationMirror m : e.getAnnotationMirrors()) {
        if (((TypeElement) m.getAnnotationType().asElement())
            .getQualifiedName()
            .contentEquals(ANNOTATION)) {
          entries.add(entry(type, m));
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::id));
    if (!unique(entries)) return false;
    try {
      JavaFileObject file =
          processingEnv
              .getFiler()
              .createSourceFile(
                  CATALOG, entries.stream().map(Entry::element).toArray(Element[]::new));
      try (Writer w = file.openWriter()) {
        w.write(source(entries));
      }
      written = true;
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "cannot write " + CATALOG + ": " + e);
    }
    return false;
  }

  private Entry entry(TypeElement type, AnnotationMirror m) {
    Map<String, Object> v = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> kv :
        processingEnv.getElementUtils().getElementValuesWithDefaults(m).entrySet()) {
      v.put(kv.getKey().getSimpleName().toString(), kv.getValue().getValue());
    }
    List<String> kinds = new ArrayList<>();
    if (v.get("appliesTo") instanceof List<?> list) {
      for (Object o : list) kinds.add(constant(((AnnotationValue) o).getValue()));
    }
    return new Entry(
        processingEnv.getElementUtils().getBinaryName(type).toString(),
        (String) v.get("id"),
        (String) v.get("slug"),
        constant(v.get("severity")),
        kinds,
        Boolean.TRUE.equals(v.get("enabledByDefault")),
        type);
  }

  private static String constant(Object value) {
    return value instanceof VariableElement c
        ? c.getSimpleName().toString()
        : String.valueOf(value);
  }

  /** Two rules with one id or one slug would make the lookup by name ambiguous: a compile error. */
  private boolean unique(List<Entry> entries) {
    Map<String, Entry> seen = new HashMap<>();
    boolean ok = true;
    for (Entry e : entries) {
      for (String key : List.of(e.id(), e.slug())) {
        Entry other = seen.putIfAbsent(key, e);
        if (other != null) {
          processingEnv
              .getMessager()
              .printMessage(
                  Diagnostic.Kind.ERROR,
                  "@RuleInfo " + key + " is also used by " + other.className(),
                  e.element());
          ok = false;
        }
      }
    }
    return ok;
  }

  static String source(List<Entry> entries) {
    Set<String> kinds = new TreeSet<>();
    for (Entry e : entries) kinds.addAll(e.kinds());
    StringBuilder b = new StringBuilder();
    b.append("package dev.hardock.rule;\n\n");
    for (String k : kinds)
      b.append("import static dev.hardock.model.SourceKind.").append(k).append(";\n");
    b.append("\nimport dev.hardock.model.SourceKind;\nimport java.util.List;\n\n")
        .append("/**\n")
        .append(
            " * GENERATED by dev.hardock.processor.RuleCatalogProcessor while compiling, from the rules' {@link RuleInfo}:\n")
        .append(
            " * the identity of every rule in id order, so that start-up needs no annotation parsing.\n")
        .append(" */\n")
        .append("final class RuleCatalog {\n")
        .append("  static final String[] CLASSES = {\n");
    for (Entry e : entries) b.append("      \"").append(e.className()).append("\",\n");
    b.append(
        "  };\n\n  private RuleCatalog() { }\n\n  static RuleMeta[] metas() {\n    return new RuleMeta[] {\n");
    for (Entry e : entries) {
      b.append("        m(\"")
          .append(e.id())
          .append("\", \"")
          .append(e.slug())
          .append("\", Severity.")
          .append(e.severity())
          .append(", ")
          .append(e.enabled());
      for (String k : e.kinds()) b.append(", ").append(k);
      b.append("),\n");
    }
    b.append("    };\n  }\n\n")
        .append(
            "  private static RuleMeta m(String id, String slug, Severity severity, boolean enabled, SourceKind... kinds) {\n")
        .append("    return new RuleMeta(id, slug, severity, List.of(kinds), enabled);\n")
        .append("  }\n}\n");
    return b.toString();
  }
}
