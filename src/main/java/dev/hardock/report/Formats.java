package dev.hardock.report;

import java.util.List;

/** The output formats by name. */
public final class Formats {
  public static final List<String> NAMES =
      List.of("text", "gnu", "json", "sarif", "checkstyle", "gitlab", "github");

  private Formats() {}

  /** The report for a format name, or null when there is no such format. */
  public static Report of(String name, boolean color, boolean quiet) {
    return switch (name) {
      case "text" -> new TextReport(color, quiet);
      case "gnu" -> new GnuReport(color);
      case "json" -> new JsonReport();
      case "sarif" -> new SarifReport();
      case "checkstyle" -> new CheckstyleReport();
      case "gitlab" -> new GitlabReport();
      case "github" -> new GithubReport();
      default -> null;
    };
  }
}
