package dev.hardock.source.shell;

/** Shell reserved words that the model treats as keywords rather than command names. */
final class ShellReservedWords {
  private ShellReservedWords() {}

  /** Words that may precede a command name and are stripped from it ("then apt-get ..." is apt-get). */
  static boolean isPrefix(String w) {
    return switch (w) {
      case "if",
          "then",
          "elif",
          "else",
          "fi",
          "do",
          "done",
          "while",
          "until",
          "!",
          "{",
          "}",
          "esac" ->
          true;
      default -> false;
    };
  }

  /** Words that start a header that is not itself a command: "for x in a b", "case $x in". */
  static boolean isHeader(String w) {
    return switch (w) {
      case "for", "case", "select" -> true;
      default -> false;
    };
  }

  /** Words that close a compound command: a pipe after them takes the output of the body's last command. */
  static boolean isCloser(String w) {
    return switch (w) {
      case "done", "fi", "esac", "}" -> true;
      default -> false;
    };
  }
}
