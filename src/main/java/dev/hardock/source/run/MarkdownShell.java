package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.SourceLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shell text of Markdown: its code blocks in a shell language, console prompts and output removed. */
final class MarkdownShell {
  private static final Set<String> SHELL_TAGS =
      Set.of(
          "",
          "sh",
          "bash",
          "shell",
          "console",
          "shell-session",
          "sh-session",
          "shellsession",
          "zsh",
          "terminal");

  /**
   * Code blocks ({@link MarkdownBlocks}, so also inside block quotes and list items): fenced ones in a shell
   * language or untagged, console prompts stripped and output skipped; indented ones only when they hold prompts
   * ({@code $ docker run ...}), since an indented block says nothing of its language.
   */
  static List<RunBlocks.Block> blocks(String text, LineIndex lines) {
    return blocks(text, lines, new SourceLayout(), "");
  }

  /** As above; the Markdown's own comments and blocks, and the comments a console block's prompts hide, go to {@code layout}. */
  static List<RunBlocks.Block> blocks(
      String text, LineIndex lines, SourceLayout layout, String file) {
    List<RunBlocks.Block> out = new ArrayList<>();
    List<MarkdownBlocks.CodeBlock> blocks = MarkdownBlocks.read(text, lines);
    MarkdownBlocks.layout(text, lines, blocks, layout, file);
    for (MarkdownBlocks.CodeBlock c : blocks) {
      if (c.tag() != null && !SHELL_TAGS.contains(c.tag())) continue;
      MappedText block = codeBlock(text, c.lines(), c.end(), c.tag() == null, lines, layout, file);
      if (block != null && block.length() > 0) out.add(new RunBlocks.Block(block, false, block));
    }
    return out;
  }

  /** A console prompt: {@code $ }, {@code # }, {@code user@host:~$ }, {@code unix> }, {@code PS C:\> }. */
  private static final Pattern PROMPT =
      Pattern.compile(
          "^[ \\t]*(?:[$#%\u27b8\u276f\u279c\u03bb]|[\\w.@:~/\\\\\\[\\]-]*[$#%]|\\w+>|PS [^>]*>)(?: |$)");

  /** The shell text of a code block's lines; null when {@code promptsOnly} and it holds no prompt. */
  private static MappedText codeBlock(
      String text,
      List<int[]> lines,
      int endOffset,
      boolean promptsOnly,
      LineIndex index,
      SourceLayout layout,
      String file) {
    // a console block without prompts is a plain listing of commands; a shell block with prompts is
    // a console
    boolean prompts = false;
    for (int k = 0; k < lines.size() && !prompts; k++) {
      Matcher m = PROMPT.matcher(text.substring(lines.get(k)[0], lines.get(k)[1]));
      prompts =
          m.find()
              && !m.group()
                  .strip()
                  .equals("#"); // "# x" alone is a comment as often as a root prompt
    }
    if (promptsOnly && !prompts) return null;
    boolean console = prompts;
    MappedText.Builder b = new MappedText.Builder();
    boolean continued = false;
    for (int[] line : lines) {
      int i = line[0];
      int end = line[1];
      if (console && !continued) {
        Matcher m = PROMPT.matcher(text.substring(i, end));
        if (!m.find()) continue; // output
        // where the block's prompts are $ ones, a "# ..." line is a comment, not a root prompt
        if (m.group().strip().equals("#")) {
          int hash = text.indexOf('#', i);
          layout.comment(
              file, index.span(hash, end), text.substring(hash, end), SourceLayout.Reach.NEXT_LINE);
          continue;
        }
        i += m.end();
      } else if (console && text.startsWith("> ", i)) {
        i += 2; // the secondary prompt of a continued line
      }
      appendLine(b, text, i, end);
      continued = end > i && text.charAt(end - 1) == '\\';
      b.append('\n', end);
    }
    return b.build(endOffset);
  }

  /**
   * Documentation placeholders such as {@code <hostname>}, {@code <OPTIONS>} or {@code <db password>}, which
   * are not redirections ({@code sort <in >out} is: a space before the {@code >}).
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(?<![<\\w])<[A-Za-z_](?:[\\w.:/ -]*[\\w.])?>");

  /**
   * Appends a line of a code block, with placeholders made into words of the same length: {@code <hostname>}
   * becomes {@code \u2039hostname\u203A} (single angle quotation marks), which the shell reads as a word and
   * the rules still know for a placeholder (a secret value, an image).
   */
  private static void appendLine(MappedText.Builder b, String text, int start, int end) {
    Matcher m = PLACEHOLDER.matcher(text).region(start, end);
    int at = start;
    while (m.find()) {
      b.append(text, at, m.start());
      b.append('\u2039', m.start());
      b.append(text, m.start() + 1, m.end() - 1);
      b.append('\u203A', m.end() - 1);
      at = m.end();
    }
    b.append(text, at, end);
  }

  private MarkdownShell() {}
}
