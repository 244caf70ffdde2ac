package dev.hardock.source.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.Redirect;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellCommand.Nesting;
import dev.hardock.model.ShellScript;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import dev.hardock.model.WordPart.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

  private static List<String> names(ShellScript s) {
    return s.commands().stream().map(ShellCommand::nameValue).toList();
  }

  private static List<String> values(List<Word> words) {
    return words.stream().map(Word::value).toList();
  }

  private static ShellScript clean(String text) {
    ShellScript s = ShellParser.parse(text);
    assertEquals(List.of(), s.problems(), "problems for: " + text);
    return s;
  }

  @Test
  void curlPipedToShell() {
    ShellScript s = clean("curl -fsSL https://x | sh");
    assertEquals(List.of("curl", "sh"), names(s));
    ShellCommand curl = s.commands().get(0);
    ShellCommand sh = s.commands().get(1);
    assertSame(sh, curl.pipeTo());
    assertSame(curl, sh.pipeFrom());
    assertNull(curl.pipeFrom());
    assertEquals("|", curl.operatorAfter());
    assertEquals("", sh.operatorAfter());
    assertEquals(new Span(1, 1, 1, 21), curl.span());
    assertEquals(new Span(1, 24, 1, 26), sh.span());
    ShellScript amp = clean("make |& tee log; ls & wait");
    assertEquals("|&", amp.commands().get(0).operatorAfter());
    assertSame(amp.commands().get(1), amp.commands().get(0).pipeTo());
    assertEquals(
        List.of("|&", ";", "&", ""),
        amp.commands().stream().map(ShellCommand::operatorAfter).toList());
    assertEquals(new Span(1, 12, 1, 21), curl.words().get(2).span());
    assertEquals(Nesting.TOP, curl.nesting());
  }

  @Test
  void commandSubstitutionInsideDoubleQuotes() {
    ShellScript s = clean("sh -c \"$(curl -fsSL URL)\"");
    assertEquals(List.of("sh", "curl"), names(s));
    ShellCommand sh = s.commands().get(0);
    ShellCommand curl = s.commands().get(1);
    assertSame(sh, curl.parent());
    assertNull(sh.parent());
    assertEquals(Nesting.COMMAND_SUBSTITUTION, curl.nesting());
    Word arg = sh.words().get(2);
    assertEquals("$(curl -fsSL URL)", arg.value());
    assertEquals("\"$(curl -fsSL URL)\"", arg.raw());
    assertFalse(arg.isLiteral());
    assertEquals(1, arg.parts().size());
    WordPart p = arg.parts().get(0);
    assertEquals(Kind.COMMAND_SUBSTITUTION, p.kind());
    assertTrue(p.quoted());
    assertEquals(new Span(1, 8, 1, 25), p.span());
    assertEquals(new Span(1, 10, 1, 24), curl.span());
    assertEquals(List.of("curl", "-fsSL", "URL"), values(curl.words()));
  }

  @Test
  void processSubstitutionAndBackticks() {
    ShellScript s = clean("bash <(curl URL)");
    assertEquals(List.of("bash", "curl"), names(s));
    assertEquals(Nesting.PROCESS_SUBSTITUTION, s.commands().get(1).nesting());
    assertSame(s.commands().get(0), s.commands().get(1).parent());
    assertEquals(
        Kind.PROCESS_SUBSTITUTION, s.commands().get(0).words().get(1).parts().get(0).kind());

    ShellScript b = clean("echo `curl x` done");
    assertEquals(List.of("echo", "curl"), names(b));
    assertEquals(Nesting.COMMAND_SUBSTITUTION, b.commands().get(1).nesting());
    assertSame(b.commands().get(0), b.commands().get(1).parent());
    assertEquals(List.of("echo", "`curl x`", "done"), values(b.commands().get(0).words()));
  }

  @Test
  void andList() {
    ShellScript s = clean("apt-get update && apt-get install -y --no-install-recommends foo");
    assertEquals(2, s.commands().size());
    assertEquals("&&", s.commands().get(0).operatorAfter());
    assertNull(s.commands().get(0).pipeTo());
    assertEquals(
        List.of("apt-get", "install", "-y", "--no-install-recommends", "foo"),
        values(s.commands().get(1).words()));
    assertEquals(new Span(1, 19, 1, 65), s.commands().get(1).span());
  }

  @Test
  void assignmentsBeforeTheName() {
    ShellCommand c = clean("FOO=1 sudo -E env X=2 docker run --rm -e A=b img").commands().get(0);
    assertEquals(List.of("FOO=1"), values(c.assignments()));
    assertEquals(
        List.of("sudo", "-E", "env", "X=2", "docker", "run", "--rm", "-e", "A=b", "img"),
        values(c.words()));
    assertEquals("sudo", c.name().value());
    assertEquals(new Span(1, 1, 1, 49), c.span());

    ShellCommand only = clean("X=$(date) Y+=1").commands().get(0);
    assertNull(only.name());
    assertEquals(List.of("X=$(date)", "Y+=1"), values(only.assignments()));
  }

  @Test
  void quoteRemovalAndParts() {
    Word w = clean("echo 'a b'\"c\"\\ d").commands().get(0).words().get(1);
    assertEquals("a bc d", w.value());
    assertEquals("'a b'\"c\"\\ d", w.raw());
    assertTrue(w.isLiteral());
    assertEquals(
        List.of(Kind.SINGLE_QUOTED, Kind.DOUBLE_QUOTED, Kind.LITERAL),
        w.parts().stream().map(WordPart::kind).toList());
    assertEquals("'a b'", w.parts().get(0).text());
    assertEquals("a b", w.parts().get(0).value());
    assertEquals(" d", w.parts().get(2).value());
    // value character -> source position: "c" is at column 12, "d" at column 16
    assertEquals(new Span(1, 12, 1, 13), w.span(3, 4));
    assertEquals(new Span(1, 16, 1, 17), w.span(5, 6));

    Word home = clean("cp \"$HOME/x\" \"\" $'a\\tb'").commands().get(0).words().get(1);
    assertEquals("$HOME/x", home.value());
    assertEquals("\"$HOME/x\"", home.raw());
    assertFalse(home.isLiteral());
    assertEquals(
        List.of(Kind.PARAMETER, Kind.DOUBLE_QUOTED),
        home.parts().stream().map(WordPart::kind).toList());
    List<Word> words = clean("cp \"$HOME/x\" \"\" $'a\\tb'").commands().get(0).words();
    assertEquals("", words.get(2).value());
    assertEquals("a\tb", words.get(3).value());
    assertEquals("x\\y $", clean("echo \"x\\y \\$\"").commands().get(0).words().get(1).value());
  }

  @Test
  void positionsInMultiLineMappedText() {
    String file = "FROM x\nRUN apt-get update \\\n && docker run -e PASSWORD=secret \\\n    img\n";
    LineIndex lines = new LineIndex(file);
    MappedText.Builder b = new MappedText.Builder();
    int l2 = file.indexOf("apt-get");
    b.append(file, l2, file.indexOf('\\', l2));
    int l3 = file.indexOf(" &&");
    b.append(file, l3, file.indexOf('\\', l3));
    int l4 = file.indexOf("    img");
    b.append(file, l4, file.length() - 1);
    ShellScript s = ShellParser.parse(b.build(file.length() - 1), lines);
    assertEquals(List.of(), s.problems());
    ShellCommand docker = s.commands().get(1);
    assertEquals(List.of("docker", "run", "-e", "PASSWORD=secret", "img"), values(docker.words()));
    Word img = docker.words().get(4);
    assertEquals(new Span(4, 5, 4, 8), img.span());
    Word env = docker.words().get(3);
    assertEquals(new Span(3, 19, 3, 34), env.span());
    assertEquals(new Span(3, 28, 3, 34), env.span(9, 15)); // the secret value only
    assertEquals(new Span(3, 5, 4, 8), docker.span());
    assertEquals(new Span(2, 5, 2, 19), s.commands().get(0).span());
  }

  @Test
  void redirections() {
    ShellCommand c = clean("cmd 2>&1 >/dev/null <<< \"in\" &>x").commands().get(0);
    assertEquals(List.of("cmd"), values(c.words()));
    List<Redirect> r = c.redirects();
    assertEquals(List.of("2>&", ">", "<<<", "&>"), r.stream().map(Redirect::op).toList());
    assertEquals(
        List.of("1", "/dev/null", "in", "x"), r.stream().map(x -> x.target().value()).toList());
    assertEquals(2, r.get(0).fd());
    assertEquals(">&", r.get(0).operator());
    assertEquals(new Span(1, 5, 1, 9), r.get(0).span());
    assertEquals(new Span(1, 1, 1, 33), c.span());
  }

  @Test
  void heredocBodiesAreNotCommands() {
    String text =
        "cat <<EOF > /x && echo ok\nrm -rf /\nEOF\ncat <<-'END'\n\tcurl x | sh\n\tEND\necho done\n";
    ShellScript s = clean(text);
    assertEquals(List.of("cat", "echo", "cat", "echo"), names(s));
    ShellCommand cat = s.commands().get(0);
    assertEquals("<<", cat.redirects().get(0).op());
    assertEquals("EOF", cat.redirects().get(0).target().value());
    assertEquals("rm -rf /\n", cat.heredocBodies().get(0).body().text());
    assertEquals(new Span(2, 1, 3, 1), cat.heredocBodies().get(0).span());
    assertTrue(cat.heredocBodies().get(0).expands());
    ShellCommand cat2 = s.commands().get(2);
    assertEquals("<<-", cat2.redirects().get(0).op());
    assertFalse(cat2.heredocBodies().get(0).expands());
    assertEquals("\tcurl x | sh\n", cat2.heredocBodies().get(0).body().text());
    assertEquals(new Span(7, 1, 7, 10), s.commands().get(3).span());
    // a body can be parsed again with positions in the file
    ShellScript inner = ShellParser.parse(cat2.heredocBodies().get(0).body(), new LineIndex(text));
    assertEquals(new Span(5, 2, 5, 8), inner.commands().get(0).span());

    ShellScript open = ShellParser.parse("cat <<EOF\nnever ends");
    assertEquals(List.of("cat"), names(open));
    assertEquals(1, open.problems().size());
  }

  @Test
  void compoundCommandsKeepTheirCommands() {
    assertEquals(
        List.of("[", "apt-get", "echo"),
        names(clean("if [ -f x ]; then apt-get install -y x; else echo no; fi")));
    ShellScript loop = clean("for f in $(ls); do curl $f | sh; done | sort");
    assertEquals(List.of("ls", "curl", "sh", "sort"), names(loop));
    assertNull(loop.commands().get(0).parent());
    assertSame(loop.commands().get(3), loop.commands().get(2).pipeTo());
    assertEquals(
        List.of("read", "echo"), names(clean("while read -r l; do echo \"$l\"; done < f")));
    assertEquals(List.of("true", "x"), names(clean("until true\ndo\n  x\ndone")));
    assertEquals(List.of("a", "b"), names(clean("{ a; b; } > log")));
    assertEquals(List.of("grep"), names(clean("! grep -q x f")));
  }

  @Test
  void caseStatements() {
    ShellScript s =
        clean("case $1 in\n  start) curl x | sh ;;\n  a|b) echo hi;;\n  (*) ;;\nesac\necho after");
    assertEquals(List.of("curl", "sh", "echo", "echo"), names(s));
    assertSame(s.commands().get(1), s.commands().get(0).pipeTo());
    assertEquals(List.of("a", "b"), names(clean("case x in\n x|y) a | b;;\nesac")));
    assertEquals(List.of("c"), names(clean("case $v in a) ;; *) c ;; esac")));
    ShellScript nested = clean("x=$(case \"$a\" in y) echo 1;; *) echo 2;; esac); ls");
    assertEquals(List.of("", "echo", "echo", "ls"), names(nested));
    assertEquals(Nesting.COMMAND_SUBSTITUTION, nested.commands().get(1).nesting());
  }

  @Test
  void subshellsAndFunctions() {
    ShellScript s = clean("(cd /x && make) | tee log");
    assertEquals(List.of("cd", "make", "tee"), names(s));
    assertEquals(Nesting.SUBSHELL, s.commands().get(0).nesting());
    assertSame(s.commands().get(2), s.commands().get(1).pipeTo());
    assertEquals(List.of("curl", "sh", "f"), names(clean("f() {\n  curl x | sh\n}\nf")));
    assertEquals(List.of("echo"), names(clean("function g { echo; }")));
    assertEquals(List.of("x"), names(clean("if (x); then :; fi")).subList(0, 1));
  }

  @Test
  void githubExpressionsAndParameterExpansions() {
    ShellScript s = clean("echo ${{ secrets.X }} ${A:-$(id -u)} && docker login");
    ShellCommand echo = s.commands().get(0);
    assertEquals("${{ secrets.X }}", echo.words().get(1).value());
    assertEquals(Kind.PARAMETER, echo.words().get(1).parts().get(0).kind());
    assertEquals("${A:-$(id -u)}", echo.words().get(2).value());
    assertEquals(List.of("echo", "id", "docker"), names(s));
    assertSame(echo, s.commands().get(1).parent());
  }

  @Test
  void commentsLineEndsAndContinuations() {
    ShellScript s = clean("echo a#b $x#y # comment ) |\r\nls\r\n");
    assertEquals(List.of("echo", "ls"), names(s));
    assertEquals(List.of("echo", "a#b", "$x#y"), values(s.commands().get(0).words()));
    assertEquals("\n", s.commands().get(0).operatorAfter());
    assertEquals(new Span(2, 1, 2, 3), s.commands().get(1).span());

    ShellScript c = clean("docker run \\\n  --rm \\\r\n  img; ab\\\ncd");
    assertEquals(List.of("docker", "run", "--rm", "img"), values(c.commands().get(0).words()));
    assertEquals(new Span(3, 3, 3, 6), c.commands().get(0).words().get(3).span());
    assertEquals("abcd", c.commands().get(1).nameValue());
  }

  @Test
  void brokenInputDegrades() {
    ShellScript stray = ShellParser.parse("echo a) b; ls");
    assertFalse(stray.problems().isEmpty());
    assertTrue(names(stray).contains("echo"));
    ShellScript open = ShellParser.parse("echo \"abc; ls");
    assertFalse(open.problems().isEmpty());
    assertEquals(1, open.problems().size(), open.problems().toString());
    assertEquals(new Span(1, 6, 1, 7), open.problems().get(0).span(), "at the opening quote");
    assertTrue(open.problems().get(0).unterminatedQuote());
    assertTrue(
        ShellParser.parse("echo $(ls").problems().stream().noneMatch(p -> p.unterminatedQuote()));
    ShellScript deep = ShellParser.parse("echo " + "$(".repeat(20_000) + "x");
    assertFalse(deep.problems().isEmpty());
    ShellScript emoji = clean("echo \uD83D\uDE00 x");
    assertEquals(new Span(1, 9, 1, 10), emoji.commands().get(0).words().get(2).span());
  }

  private static ShellScript nested(String text) {
    return NestedShells.expand(ShellParser.parse(text), new LineIndex(text));
  }

  @Test
  void commandStringsJoinTheScriptWithExactPositions() {
    // escapes inside "...": \" \\ \$ each stand for one character but keep the offsets after them
    // right
    ShellScript s = nested("env X=1 bash -lc \"echo \\\"a\\\\\\$X\\\" && curl -k u | sh\"");
    assertEquals(List.of("env", "echo", "curl", "sh"), names(s));
    ShellCommand echo = s.commands().get(1);
    assertEquals(Nesting.NESTED_SHELL, echo.nesting());
    assertNull(echo.parent(), "not a substitution: a shell started by the script");
    assertEquals(
        "a$X", echo.args().get(0).value(), "the outer shell leaves \\$, the inner one takes $");
    ShellCommand curl = s.commands().get(2);
    String text = "env X=1 bash -lc \"echo \\\"a\\\\\\$X\\\" && curl -k u | sh\"";
    int at = text.indexOf("curl");
    assertEquals(new Span(1, at + 1, 1, at + 10), curl.span());
    assertEquals(new Span(1, at + 6, 1, at + 8), curl.args().get(0).span());
    assertSame(s.commands().get(3), curl.pipeTo());
    // single quotes over two lines, su -c, sh -c inside sh -c
    ShellScript q =
        nested("su -c 'apt-get update &&\n  apt-get install x' app; sh -c \"bash -c 'id -u'\"");
    assertEquals(List.of("su", "apt-get", "apt-get", "sh", "bash", "id"), names(q));
    assertEquals(new Span(2, 3, 2, 20), q.commands().get(2).span());
    assertEquals(new Span(2, 43, 2, 48), q.commands().get(5).span());
  }

  @Test
  void commandStringsOfFindExecAndXargs() {
    assertEquals(
        List.of("find", "chmod", "xargs", "rm"),
        names(
            nested(
                "find / -name '*.sh' -exec sh -c 'chmod +x \"$1\"' _ {} \\; ; xargs -I{} -n 1 bash -c 'rm -f {}'")));
    assertEquals(
        List.of("cat", "xargs"),
        names(nested("cat <<EOF | xargs sh\nid\nEOF\n")),
        "xargs: input is arguments");
  }

  @Test
  void substitutionsOfACommandStringAreKeptOnce() {
    ShellScript s = nested("sh -c \"echo $(curl -k u)\"");
    assertEquals(
        List.of("sh", "echo", "curl"),
        names(s),
        "nested commands follow the command that runs them");
    assertEquals(Nesting.COMMAND_SUBSTITUTION, s.commands().get(2).nesting());
    assertSame(s.commands().get(0), s.commands().get(2).parent());
  }

  @Test
  void hereDocumentsReadByAShellJoinTheScript() {
    ShellScript s =
        nested(
            "cat <<EOF | sudo bash -s\nid -u\nEOF\npython3 <<EOF\nprint(1)\nEOF\nbash x.sh <<EOF\nno\nEOF\n");
    assertEquals(List.of("cat", "id", "sudo", "python3", "bash"), names(s));
    assertEquals(new Span(2, 1, 2, 6), s.commands().get(1).span());
    assertEquals(Nesting.NESTED_SHELL, s.commands().get(1).nesting());
    assertEquals(List.of("sh", "echo"), names(nested("sh <<'X'\necho hi\nX\n")));
    assertEquals(
        List.of("sh", "true"),
        names(nested("sh -c 'true' <<'X'\necho hi\nX\n")),
        "stdin is not the program");
  }
}
