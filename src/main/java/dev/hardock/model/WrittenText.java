package dev.hardock.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Text a shell command writes into a file, where settings such as {@code sslverify=0} or
 * {@code deb [trusted=yes] ...} take effect: the arguments of echo/printf when their output is redirected or
 * piped into tee, and here-document bodies.
 */
public final class WrittenText {
  private WrittenText() {}

  public static List<SourceText> of(ShellCommand c, LineIndex lines) {
    List<SourceText> out = new ArrayList<>();
    EffectiveCommand e = EffectiveCommand.of(c);
    if (isPrint(e) && writesFile(c)) {
      for (Word w : e.args()) out.add(new SourceText(w.valueText(), lines));
    }
    for (Heredoc h : c.heredocBodies()) out.add(new SourceText(h.body(), lines));
    return out;
  }

  /** echo and printf: their arguments are text, not settings, unless written somewhere. */
  public static boolean isPrint(EffectiveCommand e) {
    return e.nameValue().equals("echo") || e.nameValue().equals("printf");
  }

  private static boolean writesFile(ShellCommand c) {
    for (Redirect r : c.redirects()) {
      String op = r.operator();
      if ((op.equals(">") || op.equals(">>") || op.equals(">|")) && (r.fd() == -1 || r.fd() == 1))
        return true;
    }
    ShellCommand next = c.pipeTo();
    return next != null && EffectiveCommand.of(next).nameValue().equals("tee");
  }
}
