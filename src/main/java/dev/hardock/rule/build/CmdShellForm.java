package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.CommandForm;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD314: CMD or ENTRYPOINT in shell form, so /bin/sh -c is PID 1 and the program does not get SIGTERM. Not
 * flagged: a command that starts with {@code exec} (the shell replaces itself), and stages that chose their
 * shell with SHELL (as BuildKit's JSONArgsRecommended, a deliberate choice, common on Windows).
 */
@RuleInfo(
    id = "HD314",
    slug = "cmd-shell-form",
    severity = Severity.INFO,
    appliesTo = SourceKind.DOCKERFILE)
public final class CmdShellForm extends Rule {
  @Override
  public void check(Stage stage, ImageBuild build) {
    boolean shellChosen = false;
    for (Stage s = stage.parent(); s != null; s = s.parent())
      shellChosen |= s.last(Instruction.Shell.class) != null;
    for (Instruction i : stage.instructions()) {
      if (i instanceof Instruction.Shell) shellChosen = true;
      CommandForm c =
          i instanceof Instruction.Cmd cmd
              ? cmd.command()
              : i instanceof Instruction.Entrypoint e ? e.command() : null;
      if (c == null || c.exec() || shellChosen) continue;
      String text = c.shell().value().strip();
      if (text.isEmpty()
          || text.equals("exec")
          || text.startsWith("exec ")
          || text.startsWith("exec\t")) continue;
      String extra =
          i instanceof Instruction.Entrypoint
              ? ", and CMD and docker run arguments are ignored"
              : "";
      report(
          c.shell().span(),
          i.keyword()
              + " in shell form runs under /bin/sh -c, so the program does not receive"
              + " SIGTERM"
              + extra,
          "use the exec form [\"program\", \"arg\"]",
          fix(i, c));
    }
  }

  /**
   * Only a command of plain words (letters, digits and {@code ./:=,@%+-}: no quote, expansion, glob, redirection,
   * operator or comment; rules see no shell parse of CMD, and these need none)
   * has an exec form that runs the same program with the same arguments. For CMD that is safe: only the shell
   * in between goes, which is the point. For ENTRYPOINT it is unsafe: in exec form the CMD and the arguments of
   * docker run are appended to it, where the shell form ignored them.
   */
  /** Letters, digits and {@code _./:=,@%+-}, words separated by blanks: nothing the shell would interpret. */
  private static boolean plain(String text) {
    if (text.isEmpty()) return false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && "_./:=,@%+- \t".indexOf(c) < 0)
        return false;
    }
    return true;
  }

  private Fix fix(Instruction i, CommandForm c) {
    String text = c.shell().value().strip();
    if (!plain(text)) return null;
    String[] words = text.split("[ \t]+");
    if (words[0].contains("=")) return null; // an assignment before the program
    StringBuilder json = new StringBuilder("[");
    for (String w : words) {
      if (json.length() > 1) json.append(", ");
      json.append('"').append(w).append('"');
    }
    json.append(']');
    String title = "Use the exec form " + json;
    return i instanceof Instruction.Entrypoint
        ? Fix.unsafe(title, replace(c.shell().span(), json.toString()))
        : Fix.safe(title, replace(c.shell().span(), json.toString()));
  }
}
