package dev.hardock.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hardock lsp` and a plain lint as whole processes: what they load, what they write, how they end. */
class LspProcessTest {
  private static List<String> java(Path classLog, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hardock.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static boolean loadedAny(Path classLog, String... prefixes) throws Exception {
    for (String line : Files.readAllLines(classLog))
      for (String p : prefixes) if (line.contains(" " + p)) return true;
    return false;
  }

  /** A lint never loads the language server or LSP4J (start-up time: pre-commit runs pay for every class). */
  @Test
  void aPlainLintLoadsNoLanguageServerClass(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("classes.log");
    Process p =
        new ProcessBuilder(
                java(
                    log,
                    "--no-color",
                    "testdata/rules/HD119/bad.compose.yaml",
                    "testdata/rules/HD201/bad.Dockerfile",
                    "testdata/rules/HD105/bad.md",
                    "testdata/rules/HD105/bad.sh"))
            .redirectOutput(tmp.resolve("out").toFile())
            .redirectError(tmp.resolve("err").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("err")));
    assertTrue(loadedAny(log, "dev.hardock.rule.Finding"), "the class log works");
    assertFalse(
        loadedAny(log, "org.eclipse.lsp4j", "com.google.gson", "dev.hardock.lsp"),
        "a lint loaded language server classes");
  }

  private static String frame(String json) {
    return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
  }

  /** Every byte of stdout is a framed JSON-RPC message; nothing else is written there. */
  static List<JsonNode> frames(byte[] out) throws Exception {
    List<JsonNode> msgs = new ArrayList<>();
    int i = 0;
    while (i < out.length) {
      int headerEnd = -1;
      for (int k = i; k + 3 < out.length; k++) {
        if (out[k] == '\r' && out[k + 1] == '\n' && out[k + 2] == '\r' && out[k + 3] == '\n') {
          headerEnd = k;
          break;
        }
      }
      assertTrue(headerEnd > 0, "no header at byte " + i);
      String header = new String(out, i, headerEnd - i, StandardCharsets.US_ASCII);
      assertTrue(header.matches("Content-Length: \\d+"), "not a header: " + header);
      int len = Integer.parseInt(header.substring("Content-Length: ".length()));
      JsonNode m =
          new ObjectMapper().readTree(new String(out, headerEnd + 4, len, StandardCharsets.UTF_8));
      assertEquals("2.0", m.get("jsonrpc").asText());
      msgs.add(m);
      i = headerEnd + 4 + len;
    }
    return msgs;
  }

  @Test
  void theServerWritesOnlyProtocolAndEndsCleanly(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("classes.log");
    String root = tmp.toUri().toString();
    String doc = tmp.resolve("Dockerfile").toUri().toString();
    String in =
        frame(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
                    + root
                    + "\",\"capabilities\":{}}}")
            + frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}")
            + frame(
                "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                    + doc
                    + "\",\"languageId\":\"dockerfile\",\"version\":1,\"text\":\"FROM alpine:latest\\n\"}}}")
            + frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}");
    Process p =
        new ProcessBuilder(java(log, "lsp")).redirectError(tmp.resolve("err").toFile()).start();
    p.getOutputStream().write(in.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    // as an editor: exit once shutdown is answered; stdin stays open, so exit alone must end the
    // process
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var stdout = p.getInputStream();
    while (!new String(out.toByteArray(), StandardCharsets.UTF_8).contains("\"id\":2,\"result\"")) {
      int b = stdout.read();
      assertTrue(b >= 0, "stdout ended before shutdown was answered: " + out);
      out.write(b);
    }
    p.getOutputStream()
        .write(
            frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}")
                .getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    stdout.transferTo(out);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("err")));
    List<JsonNode> msgs = frames(out.toByteArray());
    assertEquals("hardock", msgs.get(0).at("/result/serverInfo/name").asText());
    assertTrue(
        msgs.stream()
            .anyMatch(
                m ->
                    m.path("method").asText().equals("textDocument/publishDiagnostics")
                        && m.at("/params/diagnostics/0/code").asText().equals("HD201")),
        msgs.toString());
    assertTrue(msgs.stream().anyMatch(m -> m.path("id").asInt() == 2 && m.has("result")));
    assertTrue(
        loadedAny(log, "org.eclipse.lsp4j"), "the class log sees LSP4J when the server runs");
  }

  @Test
  void closedStdinEndsTheServer(@TempDir Path tmp) throws Exception {
    Process p =
        new ProcessBuilder(java(tmp.resolve("classes.log"), "lsp"))
            .redirectError(tmp.resolve("err").toFile())
            .start();
    p.getOutputStream()
        .write(
            frame(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}")
                .getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    // no shutdown was asked for: exit code 1, as the protocol says for exit without shutdown
    assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("err")));
    assertEquals(1, frames(out.toByteArray()).size());
  }
}
