package dev.hardock.engine;

/**
 * An internal error met while linting a file: an exception inside a rule or the engine, a bug of hardock and
 * not a problem of the file. It is never shown as a finding (a parse error, HD001, would blame the user's
 * file): the command line prints it on stderr with the file's name ({@code path}, as shown) and exits 2; the
 * other files are linted all the same.
 */
public record Failure(String path, Throwable error) {
  /** One line for stderr: the file and the kind of error (its message may quote the file, so it is left out). */
  public String line() {
    return path
        + ": internal error while linting this file ("
        + error.getClass().getName()
        + "): please report it";
  }
}
