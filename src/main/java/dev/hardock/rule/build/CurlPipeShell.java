package dev.hardock.rule.build;

import dev.hardock.model.DownloadTool;
import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HD305: a script downloaded by curl or wget and run straight away by a shell or interpreter, without being
 * saved and checked: {@code curl URL | sh}, {@code sh -c "$(curl URL)"}, {@code bash <(curl URL)}.
 */
@RuleInfo(
    id = "HD305",
    slug = "curl-pipe-shell",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class CurlPipeShell extends Rule {
  /** For the script last walked: each command walked, mapped to the first runner at or after it in its pipeline. */
  private final Map<ShellCommand, Optional<EffectiveCommand>> runnerFrom = new IdentityHashMap<>();

  private ShellScript walked;

  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    EffectiveCommand download = EffectiveCommand.of(command);
    if (!printsBody(download)) return;
    EffectiveCommand runner = runnerAfter(command);
    if (runner != null) {
      report(command.span().to(runner.name().span()), message(download, runner), HELP);
      return;
    }
    ShellCommand parent = command.parent();
    if (parent == null) return;
    EffectiveCommand e = EffectiveCommand.of(parent);
    ScriptInterpreter s = ScriptInterpreter.of(e);
    if (s == null) return;
    for (Word w : s.words()) {
      if (contains(w.span(), command.span())) {
        report(e.name().span().to(w.span()), message(download, e), HELP);
        return;
      }
    }
  }

  /**
   * The first command down the pipeline from {@code command} that runs its standard input as a script, or null.
   * Remembered for every command walked, so a pipeline of n downloads is walked once, not n times.
   */
  private EffectiveCommand runnerAfter(ShellCommand command) {
    if (walked != command.script()) {
      walked = command.script();
      runnerFrom.clear();
    }
    List<ShellCommand> path = new ArrayList<>();
    Optional<EffectiveCommand> found = Optional.empty();
    for (ShellCommand next = command.pipeTo(); next != null; next = next.pipeTo()) {
      Optional<EffectiveCommand> known = runnerFrom.get(next);
      if (known != null) {
        found = known;
        break;
      }
      path.add(next);
      EffectiveCommand e = EffectiveCommand.of(next);
      ScriptInterpreter s = ScriptInterpreter.of(e);
      if (s != null && s.stdin() && !e.readsArgumentsFromInput()) {
        found = Optional.of(e);
        break;
      }
    }
    for (ShellCommand p : path) runnerFrom.put(p, found);
    return found.orElse(null);
  }

  private static String message(EffectiveCommand download, EffectiveCommand runner) {
    String url = "";
    for (Word w : download.args()) if (w.value().contains("://")) url = " " + w.value();
    return download.nameValue() + url + " is run by " + runner.nameValue() + " as it downloads";
  }

  private static final String HELP = "save it, check its checksum or signature, then run it";

  /** True for curl or wget writing the downloaded body to standard output. */
  static boolean printsBody(EffectiveCommand e) {
    DownloadTool tool = DownloadTool.of(e.nameValue());
    if (tool == null) return false;
    boolean curl = tool == DownloadTool.CURL;
    char output = tool.outputLetter();
    String outputLong = tool.outputLong();
    boolean stdout = curl;
    List<Word> args = e.args();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      String next = i + 1 < args.size() ? args.get(i + 1).value() : "";
      if (v.equals("--")) break;
      if (curl && (v.equals("--remote-name") || v.equals("--remote-name-all"))) return false;
      if (v.equals(outputLong)) {
        stdout = isStdout(next);
        i++;
      } else if (v.startsWith(outputLong + "=")) {
        stdout = isStdout(v.substring(outputLong.length() + 1));
      } else if (v.startsWith("-") && !v.startsWith("--")) {
        for (int k = 1; k < v.length(); k++) {
          char ch = v.charAt(k);
          if (curl && ch == 'O') return false;
          if (!tool.takesValue(ch)) continue;
          String value = k + 1 < v.length() ? v.substring(k + 1) : next;
          if (k + 1 == v.length()) i++;
          if (ch == output) stdout = isStdout(value);
          break;
        }
      }
    }
    return stdout;
  }

  private static boolean isStdout(String target) {
    return target.equals("-") || target.equals("/dev/stdout");
  }

  private static boolean contains(Span outer, Span inner) {
    boolean startsBefore =
        outer.line() < inner.line()
            || (outer.line() == inner.line() && outer.column() <= inner.column());
    boolean endsAfter =
        outer.endLine() > inner.endLine()
            || (outer.endLine() == inner.endLine() && outer.endColumn() >= inner.endColumn());
    return startsBefore && endsAfter;
  }
}
