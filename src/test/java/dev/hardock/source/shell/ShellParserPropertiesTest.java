package dev.hardock.source.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.LineIndex;
import dev.hardock.model.Redirect;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellProblem;
import dev.hardock.model.ShellScript;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class ShellParserPropertiesTest {

  @Provide
  Arbitrary<String> shellish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "a",
            "b1",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\r",
            "\\\n",
            "\\",
            "'",
            "\"",
            "$",
            "$x",
            "${",
            "}",
            "{",
            "$(",
            "$((",
            "))",
            "(",
            ")",
            "<(",
            "`",
            "|",
            "||",
            "&",
            "&&",
            ";",
            ";;",
            "#",
            ">",
            "2>&1",
            "<<",
            "<<EOF\n",
            "EOF",
            "<<<",
            "case",
            "in",
            "esac",
            "if",
            "then",
            "fi",
            "for",
            "do",
            "done",
            "=",
            "A=",
            "-",
            "--rm",
            "\uD83D\uDE00",
            "\uD800",
            "\u0000");
    Arbitrary<String> shaped = tokens.list().ofMaxSize(40).map(l -> String.join("", l));
    return Arbitraries.oneOf(shaped, shaped, Arbitraries.strings().ofMaxLength(60));
  }

  @Property(tries = 400)
  void neverThrowsAndSpansStayInside(@ForAll("shellish") String text) {
    ShellScript s = ShellParser.parse(text);
    for (ShellProblem p : s.problems())
      assertTrue(!p.message().startsWith("shell parser failed"), p::message);
    Span end = new LineIndex(text).span(text.length(), text.length());
    for (Span span : spans(s)) {
      assertTrue(span.line() >= 1 && span.column() >= 1, span::toString);
      boolean inside =
          span.endLine() < end.endLine()
              || (span.endLine() == end.endLine() && span.endColumn() <= end.endColumn());
      assertTrue(inside, () -> span + " outside " + end + " for " + text);
    }
  }

  @Property(tries = 150)
  void parsingIsDeterministic(@ForAll("shellish") String text) {
    assertEquals(summary(ShellParser.parse(text)), summary(ShellParser.parse(text)));
  }

  @Provide
  Arbitrary<String> plainWord() {
    Arbitrary<String> bare =
        Arbitraries.strings().withChars("abcxyz019-_./=:,@%+").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> single = bare.map(w -> "'" + w + " q'");
    Arbitrary<String> dbl = bare.map(w -> "\"" + w + "$HOME\"");
    Arbitrary<String> escaped = bare.map(w -> w + "\\ " + w);
    Arbitrary<String> subst = bare.map(w -> "$(echo " + w + ")");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, bare),
        net.jqwik.api.Tuple.of(1, single),
        net.jqwik.api.Tuple.of(1, dbl),
        net.jqwik.api.Tuple.of(1, escaped),
        net.jqwik.api.Tuple.of(1, subst));
  }

  @Property(tries = 200)
  void continuationBetweenWordsKeepsValues(
      @ForAll @Size(min = 1, max = 8) List<@From("plainWord") String> words,
      @ForAll("continuation") String continuation) {
    String oneLine = "cmd " + String.join(" ", words);
    String split = "cmd" + continuation + String.join(continuation, words);
    ShellScript a = ShellParser.parse(oneLine);
    ShellScript b = ShellParser.parse(split);
    assertEquals(List.of(), b.problems());
    assertEquals(wordValues(a), wordValues(b), split);
  }

  @Provide
  Arbitrary<String> continuation() {
    return Arbitraries.of(" \\\n", " \\\n  ", "\\\n ", " \\\r\n\t", "  \\\n \\\n ");
  }

  private static List<List<String>> wordValues(ShellScript s) {
    List<List<String>> out = new ArrayList<>();
    for (ShellCommand c : s.commands()) {
      List<String> values = new ArrayList<>();
      for (Word w : c.assignments()) values.add("=" + w.value());
      for (Word w : c.words()) values.add(w.value());
      out.add(values);
    }
    return out;
  }

  private static String summary(ShellScript s) {
    StringBuilder sb = new StringBuilder();
    for (ShellCommand c : s.commands()) {
      sb.append(c.span())
          .append(' ')
          .append(c.nesting())
          .append(' ')
          .append(c.operatorAfter())
          .append(' ')
          .append(c.pipeTo() == null ? -1 : s.commands().indexOf(c.pipeTo()))
          .append(' ')
          .append(c.parent() == null ? -1 : s.commands().indexOf(c.parent()));
      for (Word w : c.words())
        sb.append(" [").append(w.value()).append(' ').append(w.span()).append(']');
      sb.append('\n');
    }
    for (ShellProblem p : s.problems()) sb.append(p).append('\n');
    return sb.toString();
  }

  private static List<Span> spans(ShellScript s) {
    List<Span> out = new ArrayList<>();
    for (ShellProblem p : s.problems()) out.add(p.span());
    for (ShellCommand c : s.commands()) {
      out.add(c.span());
      List<Word> words = new ArrayList<>(c.assignments());
      words.addAll(c.words());
      for (Redirect r : c.redirects()) {
        out.add(r.span());
        words.add(r.target());
      }
      c.heredocBodies().forEach(h -> out.add(h.span()));
      for (Word w : words) {
        out.add(w.span());
        if (!w.value().isEmpty()) out.add(w.span(0, w.value().length()));
        for (WordPart p : w.parts()) out.add(p.span());
      }
    }
    return out;
  }
}
