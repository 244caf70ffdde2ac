package dev.hardock.cli;

/** The process exit codes: never a count (it wraps at 256). */
public enum ExitCode {
  /** No finding at or above the failure threshold. */
  CLEAN(0),
  /** Findings at or above the failure threshold. */
  FINDINGS(1),
  /** Usage, configuration or internal error. */
  ERROR(2);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
