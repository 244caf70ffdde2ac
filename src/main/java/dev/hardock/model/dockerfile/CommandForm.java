package dev.hardock.model.dockerfile;

import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceText;
import dev.hardock.model.Text;
import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: exec form (a JSON array, {@code args}) or shell
 * form ({@code shell}, the command line with continuations removed, and {@code script}, its commands).
 */
public record CommandForm(boolean exec, List<Text> args, SourceText shell, ShellScript script) {
  public static CommandForm exec(List<Text> args) {
    return new CommandForm(true, List.copyOf(args), null, null);
  }

  public static CommandForm shell(SourceText shell, ShellScript script) {
    return new CommandForm(false, List.of(), shell, script);
  }
}
