package dev.hardock.source.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** The Dockerfile lexer's tokens (grammar/DockerfileLexer.g4 + DockerfileLexerBase): type and exact text. */
class DockerfileLexerTest {
  static String name(int type) {
    String n = DockerfileLexer.VOCABULARY.getSymbolicName(type);
    return switch (n) {
      case "ESCAPE_CHAR" -> "ESC";
      case "CONTINUATION" -> "CONT";
      default -> n;
    };
  }

  static String lex(String text, char escape) {
    DockerfileLexer l = new DockerfileLexer(new dev.hardock.source.shell.TextCharStream(text));
    l.setEscape(escape);
    List<String> out = new ArrayList<>();
    for (Token t = l.nextToken(); t.getType() != Token.EOF; t = l.nextToken()) {
      String s =
          text.substring(t.getStartIndex(), t.getStopIndex() + 1)
              .replace("\r", "\\r")
              .replace("\n", "\\n")
              .replace("\t", "\\t");
      out.add(name(t.getType()) + "[" + s + "]");
    }
    return String.join(" ", out);
  }

  @Test
  void plainLinesAndContextFreeRules() {
    assertEquals(
        "TEXT[FROM] WS[ \\t] TEXT[a:1] NL[\\r\\n] TEXT[RUN] WS[ ] TEXT[echo] ESC[\\] TEXT[x] WS[ ] ESC[`] NL[\\r]",
        lex("FROM \ta:1\r\nRUN echo\\x `\r", '\\'));
  }

  @Test
  void continuationsSkipBlankAndCommentLinesButNotTheirNeighbours() {
    assertEquals(
        "COMMENT[# c] NL[\\n] TEXT[RUN] WS[ ] TEXT[a] WS[ ] CONT[\\  \\n] CONT_SKIP[  # skipped\\n] "
            + "CONT_SKIP[\\n] WS[  ] TEXT[b] NL[\\n] TEXT[RUN] WS[ ] TEXT[x] ESC[\\] TEXT[#y]",
        lex("# c\nRUN a \\  \n  # skipped\n\n  b\nRUN x\\#y", '\\'));
  }

  @Test
  void theEscapeCharacterOfTheDirectiveContinuesAndAnEscapedEscapeDoesNot() {
    assertEquals(
        "TEXT[RUN] WS[ ] TEXT[a] ESC[`] NL[\\n] WS[ ] TEXT[b] ESC[\\] ESC[\\] NL[\\n]",
        lex("RUN a`\n b\\\\\n", '\\'));
    assertEquals("TEXT[RUN] WS[ ] TEXT[a] CONT[`\\n] WS[ ] TEXT[b]", lex("RUN a`\n b", '`'));
    assertEquals("TEXT[RUN] WS[ ] TEXT[a] ESC[`] ESC[`] NL[\\n]", lex("RUN a``\n", '`'));
  }

  @Test
  void heredocBodiesAreWholeTokensAfterTheirLine() {
    assertEquals(
        "TEXT[RUN] WS[ ] TEXT[<<EOF] WS[ ] TEXT[cat] NL[\\n] HEREDOC[a\\n\\tEOF\\nEOF\\n] TEXT[USER] WS[ ] TEXT[x]",
        lex("RUN <<EOF cat\na\n\tEOF\nEOF\nUSER x", '\\'));
    assertEquals(
        "TEXT[COPY] WS[ ] TEXT[<<-E] WS[ ] TEXT[/f] NL[\\n] HEREDOC[b\\n\\tE\\n]",
        lex("COPY <<-E /f\nb\n\tE\n", '\\'));
    assertEquals(
        "TEXT[LABEL] WS[ ] TEXT[a=<<EOF] NL[\\n] TEXT[EOF]",
        lex("LABEL a=<<EOF\nEOF", '\\'),
        "only RUN, COPY, ADD");
  }
}
