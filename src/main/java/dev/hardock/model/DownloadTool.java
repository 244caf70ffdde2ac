package dev.hardock.model;

/**
 * curl and wget as far as rules read their command lines: which short options take a value (the rest of a
 * cluster after one of them is that value, {@code -sSLo-}; else the next word is) and which option names the
 * file the body is written to. The one copy of these option tables: rules ask here.
 */
public enum DownloadTool {
  CURL("curl", "AbcCdDeEFHKmoPQrtTuUwxXyYz", 'o', "--output"),
  WGET("wget", "oaOeiBtTwQPlARDIXU", 'O', "--output-document");

  private final String command;
  private final String valueLetters;
  private final char outputLetter;
  private final String outputLong;

  DownloadTool(String command, String valueLetters, char outputLetter, String outputLong) {
    this.command = command;
    this.valueLetters = valueLetters;
    this.outputLetter = outputLetter;
    this.outputLong = outputLong;
  }

  /** The tool a command name (without its directory) runs, or null. */
  public static DownloadTool of(String name) {
    for (DownloadTool t : values()) if (t.command.equals(name)) return t;
    return null;
  }

  public String command() {
    return command;
  }

  /** True when the short option {@code letter} takes a value. */
  public boolean takesValue(char letter) {
    return valueLetters.indexOf(letter) >= 0;
  }

  /** The short option that names the output file ({@code curl -o}, {@code wget -O}). */
  public char outputLetter() {
    return outputLetter;
  }

  /** The long option that names the output file ({@code --output}, {@code --output-document}). */
  public String outputLong() {
    return outputLong;
  }
}
