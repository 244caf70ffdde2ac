package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardock.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The whole CLI, in-process, on arbitrary bytes written to a file of each kind: it never throws, exits 0, 1
 * or 2, prints JSON that parses, and every finding lies inside its file (line within the file's lines,
 * columns within that line, start before end).
 */
class CliPropertiesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> NAMES =
      List.of("Dockerfile", "compose.yaml", "run.sh", "README.md", "daemon.json");

  /** Bytes that reach the readers' corners: keywords of each language, separators, NUL, CR, BOM, invalid UTF-8. */
  @Provide
  Arbitrary<byte[]> contents() {
    Arbitrary<String> token =
        Arbitraries.of(
            "FROM ",
            "node",
            "RUN ",
            "USER ",
            "COPY ",
            "ENV ",
            "ARG ",
            "<<EOF",
            "EOF",
            "docker run ",
            "--privileged ",
            "-v /:/h ",
            "-e A=",
            "$A",
            "${A:-x}",
            "services:",
            "  web:",
            "    image: x",
            "    ports: [\"1:1\"]",
            "&a ",
            "*a",
            "<<: ",
            "{",
            "}",
            "[",
            "]",
            "\"",
            "'",
            ":",
            ",",
            "\\",
            "\n",
            "\r",
            "\r\n",
            "\t",
            " ",
            "#",
            "# hardock-ignore",
            "```sh",
            "```",
            "\u0000",
            "\uFEFF",
            "é",
            "😀",
            "&&",
            "|",
            ";",
            "`",
            "$(",
            ")",
            "{\"icc\": true",
            "\"hosts\": [\"tcp://0.0.0.0:2375\"]");
    Arbitrary<byte[]> text =
        token.list().ofMaxSize(60).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> invalid =
        Arbitraries.of(
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {0});
    Arbitrary<byte[]> mixed =
        Combinators.combine(text, invalid, text).as((a, b, c) -> concat(a, b, c));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, text),
        net.jqwik.api.Tuple.of(2, raw),
        net.jqwik.api.Tuple.of(3, mixed));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Property(tries = 150)
  void anyBytesInAFileOfAnyKind(@ForAll("contents") byte[] bytes, @ForAll("kinds") String name)
      throws IOException {
    Path dir = Files.createTempDirectory("hardock-cli-prop");
    try {
      Path file = dir.resolve(name);
      Files.write(file, bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          Main.run(
              new String[] {"-f", "json", "--no-color", "-j", "1", file.toString()},
              new ByteArrayInputStream(new byte[0]),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false);
      String stderr = err.toString(StandardCharsets.UTF_8);
      assertTrue(code == 0 || code == 1, "exit " + code + ", stderr: " + stderr);
      assertEquals("", stderr);
      JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
      List<String> lines = lines(decoded(bytes));
      for (JsonNode f : report.get("findings")) {
        assertTrue(!f.get("message").asText().contains("internal error"), f.toString());
        if (!f.get("file").asText().equals(file.toString()))
          continue; // a compose include or .env names its own file
        int line = f.get("line").asInt();
        int col = f.get("column").asInt();
        int endLine = f.get("endLine").asInt();
        int endCol = f.get("endColumn").asInt();
        assertTrue(
            line >= 1 && line <= lines.size(), "line " + line + " of " + lines.size() + ": " + f);
        assertTrue(endLine >= line && endLine <= lines.size(), "end line " + endLine + ": " + f);
        assertTrue(col >= 1 && col <= lines.get(line - 1).length() + 1, "column " + col + ": " + f);
        assertTrue(
            endCol >= 1 && endCol <= lines.get(endLine - 1).length() + 1,
            "end column " + endCol + ": " + f);
        assertTrue(endLine > line || endCol >= col, "end before start: " + f);
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  @Provide
  Arbitrary<String> kinds() {
    return Arbitraries.of(NAMES);
  }

  /** The text as the loader sees it: UTF-8 with replacement, a leading BOM dropped. */
  static String decoded(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Lines as spans count them: \n, \r\n and a lone \r end a line; there is always at least one line. */
  static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(s.substring(start, i));
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
