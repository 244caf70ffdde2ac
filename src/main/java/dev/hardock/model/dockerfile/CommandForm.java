package dev.hardock.model.dockerfile;

import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceText;
import dev.hardock.model.Text;
import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: exec form (a JSON array, {@code args}) or shell
 * form ({@code shell}, the command line with continuations removed, and {@code script}, its commands). An
 * exec-form RUN that hands a command string to a shell ({@code ["sh", "-c", "..."]}) has that string's
 * commands as {@code script} too.
 */
public record CommandForm(boolean exec, List<Text> args, SourceText shell, ShellScript script) {
  public static CommandForm exec(List<Text> args) {
    return new CommandForm(true, List.copyOf(args), null, null);
  }

  /** Exec form whose program is a shell given a command string, with that string's commands. */
  public static CommandForm exec(List<Text> args, ShellScript script) {
    return new CommandForm(true, List.copyOf(args), null, script);
  }

  public static CommandForm shell(SourceText shell, ShellScript script) {
    return new CommandForm(false, List.of(), shell, script);
  }
}
