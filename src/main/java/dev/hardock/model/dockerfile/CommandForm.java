package dev.hardock.model.dockerfile;

import dev.hardock.model.SourceText;
import dev.hardock.model.Text;
import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: exec form (a JSON array, {@code args}) or shell
 * form ({@code shell}, the command line with continuations removed).
 */
public record CommandForm(boolean exec, List<Text> args, SourceText shell) {
  public static CommandForm exec(List<Text> args) {
    return new CommandForm(true, List.copyOf(args), null);
  }

  public static CommandForm shell(SourceText shell) {
    return new CommandForm(false, List.of(), shell);
  }
}
