package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code blocks as CommonMark finds them: each block as its tag and content lines (container markers removed). */
class MarkdownBlocksTest {
  static List<String> blocks(String md) {
    List<String> out = new ArrayList<>();
    for (MarkdownBlocks.CodeBlock b : MarkdownBlocks.read(md, new LineIndex(md))) {
      StringBuilder s = new StringBuilder(b.tag() == null ? "indented" : "[" + b.tag() + "]");
      for (int[] l : b.lines()) s.append('|').append(md, l[0], l[1]);
      out.add(s.toString());
    }
    return out;
  }

  @Test
  void fencesAndTheirContainers() {
    // a fence in a list item ends with the item; the closing fence must be as long as the opening
    // one
    assertEquals(
        List.of("[sh]|a", "[]|b|```"), blocks("- ```sh\n  a\nend of list\n\n````\nb\n```\n````\n"));
    // in a block quote the markers are stripped; a line without one ends quote and fence alike, so
    // the fence
    // after it opens a new block that runs to the end
    assertEquals(
        List.of("[console]|$ a|  b", "[]|"), blocks("> ```console\n> $ a\n>   b\nc\n```\n"));
    // fence indentation is removed up to the opening fence's own
    assertEquals(List.of("[~]|x| y"), blocks("  ~~~~ ~\n  x\n   y\n ~~~~\n"));
    // a backtick fence's info string holds no backtick: inline code, not a fence
    assertEquals(List.of(), blocks("```sh` x\ndocker run\n"));
    // nested list items: each level's content column
    assertEquals(List.of("[bash]|c"), blocks("1. a\n\n   - b\n\n     ```bash\n     c\n     ```\n"));
  }

  @Test
  void indentedBlocks() {
    // four columns (a tab counts to the next stop), not after a paragraph line, trailing blank
    // lines dropped
    assertEquals(
        List.of("indented|$ a||b"), blocks("t\n\n    $ a\n\n    b\n\n\npara\n    not code\n"));
    assertEquals(List.of("indented|x"), blocks("\tx\n"));
    // CommonMark's examples 6 and 7: a tab after ">" or "-" gives one column to the marker, the
    // rest is indentation
    assertEquals(List.of("indented|\tfoo"), blocks(">\t\tfoo\n"));
    assertEquals(List.of("indented|\tfoo"), blocks("-\t\tfoo\n"));
    assertEquals(List.of(), blocks(">\tfoo\n"));
    // in a list item, relative to its content column; in a quote, after the marker and its space
    assertEquals(
        List.of("indented|$ a", "indented|$ b"), blocks("- i\n\n      $ a\n\n>     $ b\n"));
    // a heading or a thematic break ends a paragraph, so an indented block may follow
    assertEquals(List.of("indented|x", "indented|y"), blocks("# h\n    x\n***\n    y\n"));
  }
}
