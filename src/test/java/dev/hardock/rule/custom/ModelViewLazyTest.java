package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.source.dockerfile.DockerfileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The view custom rules read (texts masked when read, positions made when read: ModelView.SpanMap) holds what
 * {@code hardock model} shows, key for key and in the same order, for every Dockerfile of the corpus; each
 * position keeps the reader's own span.
 */
class ModelViewLazyTest {
  private static final Path CORPUS = Path.of("../shared/corpus/dockerfiles");

  /** {@code v} with every lazy value as the other view holds it, maps in their own order. */
  private static Object plain(Object v, int[] spans) {
    v = ModelView.plain(v);
    if (v instanceof ModelView.SpanMap s) {
      spans[0]++;
      assertEquals(4, s.size());
      assertTrue(s.origin() == null || s.get("line").equals((long) s.origin().line()));
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), plain(e.getValue(), spans));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(plain(o, spans));
      return out;
    }
    return v;
  }

  @Test
  void theLazyViewIsTheModelShown() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files = s.filter(Files::isRegularFile).sorted().limit(400).toList();
    }
    assertTrue(files.size() > 100, "corpus: " + files.size());
    int[] spans = {0};
    for (Path p : files) {
      String text = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8);
      var build =
          DockerfileReader.read(SourceFile.of(p, p.toString(), text, SourceKind.DOCKERFILE))
              .build();
      Map<String, Object> shown = ModelView.file("f", "dockerfile", List.of(), build, null);
      Map<String, Object> lazy =
          ModelView.file("f", "dockerfile", List.of(), build, null, new IdentityHashMap<>());
      Object plainLazy = plain(lazy, spans);
      assertEquals(shown, plainLazy, p.toString());
      // the same order of keys everywhere (what a rule iterating a map sees)
      assertEquals(shown.toString(), plainLazy.toString(), p.toString());
    }
    assertTrue(spans[0] > 1000, "positions read: " + spans[0]);
  }
}
