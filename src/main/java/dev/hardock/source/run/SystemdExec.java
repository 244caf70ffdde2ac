package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shell text of a systemd service ({@code *.service}): the command lines of {@code ExecStart=} and
 * {@code ExecStartPre=} (where containers are started), without their prefixes ({@code -}, {@code @},
 * {@code +}, {@code !}, {@code !!}, {@code :}, {@code |}); continued lines joined. systemd splits a command line
 * much as a shell does; {@code %} specifiers and {@code $VAR}s are left as written, so they stay unresolved.
 */
final class SystemdExec {
  private static final Set<String> KEYS = Set.of("ExecStart", "ExecStartPre");

  private SystemdExec() {}

  static List<RunBlocks.Block> blocks(String text, LineIndex lines) {
    List<RunBlocks.Block> out = new ArrayList<>();
    for (UnitFile.Entry e : UnitFile.entries(text, lines)) {
      if (!e.section().equals("Service") || !KEYS.contains(e.key())) continue;
      MappedText v = e.value();
      int i = 0;
      while (i < v.length() && "-@+!:|".indexOf(v.charAt(i)) >= 0) i++;
      MappedText command = v.sub(i, v.length());
      // each command line is a shell of its own: no variable carries over from one to the next
      if (command.length() > 0) out.add(new RunBlocks.Block(command, true, command));
    }
    return out;
  }
}
