package dev.hardock.source.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * BuildKit's own parser test files: each positive case parses to the instructions its `result` lists, and
 * each negative case fails. Read from ../shared when present, else from the copy under testdata/.
 */
class BuildkitConformanceTest {
  // Parser tests whose files BuildKit's parser reads but a build rejects (instructions before FROM,
  // a
  // HEALTHCHECK with no or an unknown type): we read them the same way and also report the build
  // error.
  static final List<String> INVALID_FOR_A_BUILD =
      List.of("__health__", "__json__", "jeztah-invalid-json");

  static Path corpus() {
    Path shared = Path.of("../shared/corpus/dockerfiles/buildkit-parser");
    return Files.isDirectory(shared) ? shared : Path.of("testdata/conformance/buildkit-parser");
  }

  static DockerfileReader.Result read(Path p) throws IOException {
    String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    return DockerfileReader.read(SourceFile.of(p, p.toString(), text, SourceKind.DOCKERFILE));
  }

  @TestFactory
  Stream<DynamicTest> positiveCasesMatchTheirResult() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus())) {
      files =
          s.filter(
                  p ->
                      p.getFileName().toString().contains("testfiles__")
                          && p.getFileName().toString().endsWith("__Dockerfile"))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty(), "no BuildKit test files found");
    return files.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(),
                    () -> {
                      Path result =
                          p.resolveSibling(
                              p.getFileName().toString().replace("__Dockerfile", "__result"));
                      String expected = Files.readString(result).replace("\r\n", "\n").strip();
                      DockerfileReader.Result r = read(p);
                      assertEquals(expected, BuildkitDump.dump(r.build()).strip());
                      String name = p.getFileName().toString();
                      if (INVALID_FOR_A_BUILD.stream().noneMatch(name::contains))
                        assertEquals(List.of(), r.problems(), "problems");
                      else
                        assertFalse(
                            r.problems().isEmpty(), "a build rejects this file, so must we");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> negativeCasesFail() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus())) {
      files =
          s.filter(p -> p.getFileName().toString().contains("testfiles-negative__"))
              .sorted()
              .toList();
    }
    assertEquals(4, files.size());
    return files.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(),
                    () -> assertFalse(read(p).problems().isEmpty(), "expected a parse problem")));
  }
}
