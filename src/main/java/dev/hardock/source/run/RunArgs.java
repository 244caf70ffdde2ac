package dev.hardock.source.run;

import dev.hardock.model.ParseProblem;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The arguments of a {@code docker run}/{@code create} line split as the Docker CLI (pflag, options not
 * interspersed) splits them: options up to the first non-option word (or {@code --}), which is the image;
 * everything after it is the container's command. Value-taking flags consume the next word, so a value is
 * never mistaken for the image.
 */
final class RunArgs {
  /** Which CLI wrote the line: flags unknown to podman or nerdctl are not reported, their syntax differs. */
  enum Tool {
    DOCKER,
    PODMAN,
    NERDCTL
  }

  /**
   * One option as given.
   *
   * @param name the long flag name it resolved to ({@code publish} for {@code -p})
   * @param written the flag as written ({@code -p}, {@code --publish})
   * @param value the value; for a bool flag the text after {@code =} or null
   * @param span the flag and its value
   * @param flagSpan the flag alone
   */
  record Option(String name, String written, RunValue value, Span span, Span flagSpan) {
    /** For bool flags: false only when written {@code --flag=false} (or 0). */
    boolean isOn() {
      if (value == null) return true;
      String v = value.text().toLowerCase(Locale.ROOT);
      return !(v.equals("false") || v.equals("0") || v.equals("f"));
    }
  }

  final List<Option> options = new ArrayList<>();
  final List<ParseProblem> unknown = new ArrayList<>();
  Word image;

  /** The first variable that may hold options ({@code $DOCKER_OPTS}), or null. */
  Span hiddenOptions;

  final List<Word> command = new ArrayList<>();

  private RunArgs() {}

  static RunArgs parse(List<Word> args, Tool tool, Function<String, String> vars) {
    RunArgs r = new RunArgs();
    int n = args.size();
    int i = 0;
    while (i < n) {
      Word w = args.get(i);
      String v = w.value();
      if (v.equals("--")) {
        i++;
        break;
      }
      if (v.startsWith("--") && v.length() > 2) {
        int eq = v.indexOf('=');
        String name = v.substring(2, eq < 0 ? v.length() : eq);
        RunFlags.Flag flag = lookup(name, tool);
        String written = "--" + name;
        Span flagSpan = w.span(0, eq < 0 ? v.length() : eq);
        if (flag == null) {
          r.reportUnknown(written, flagSpan, tool);
          i++;
          continue;
        }
        RunValue value = null;
        Span span = w.span();
        if (eq >= 0) {
          value = RunValue.of(w, eq + 1, v.length(), vars);
        } else if (flag.takesValue() && i + 1 < n) {
          Word next = args.get(++i);
          value = RunValue.of(next, 0, next.value().length(), vars);
          span = w.span().to(next.span());
        }
        r.options.add(new Option(flag.name(), written, value, span, flagSpan));
        i++;
      } else if (v.startsWith("-") && v.length() > 1 && w.isLiteral()) {
        int j = 1;
        while (j < v.length()) {
          char c = v.charAt(j);
          RunFlags.Flag flag = RunFlags.byShorthand(c);
          String written = "-" + c;
          Span flagSpan = j == 1 ? w.span(0, 2) : w.span(j, j + 1);
          if (flag == null) {
            r.reportUnknown(written, flagSpan, tool);
            j++;
            continue;
          }
          if (!flag.takesValue()) {
            if (j + 1 < v.length() && v.charAt(j + 1) == '=') {
              r.options.add(
                  new Option(
                      flag.name(),
                      written,
                      RunValue.of(w, j + 2, v.length(), vars),
                      w.span(),
                      flagSpan));
              break;
            }
            r.options.add(new Option(flag.name(), written, null, flagSpan, flagSpan));
            j++;
            continue;
          }
          if (j + 1 < v.length()) {
            int start = v.charAt(j + 1) == '=' ? j + 2 : j + 1;
            r.options.add(
                new Option(
                    flag.name(),
                    written,
                    RunValue.of(w, start, v.length(), vars),
                    w.span(),
                    flagSpan));
          } else if (i + 1 < n) {
            Word next = args.get(++i);
            r.options.add(
                new Option(
                    flag.name(),
                    written,
                    RunValue.of(next, 0, next.value().length(), vars),
                    w.span().to(next.span()),
                    flagSpan));
          } else {
            r.options.add(new Option(flag.name(), written, null, flagSpan, flagSpan));
          }
          break;
        }
        i++;
      } else if (isOpaqueOptions(w) || holdsOptions(w, vars)) {
        if (r.hiddenOptions == null) r.hiddenOptions = w.span();
        i++; // "$DOCKER_OPTS", or P="--rm -it" then $P: options, not the image
      } else {
        break;
      }
    }
    if (i < n) {
      r.image = args.get(i++);
      while (i < n) r.command.add(args.get(i++));
    }
    return r;
  }

  private static RunFlags.Flag lookup(String name, Tool tool) {
    RunFlags.Flag f = RunFlags.byName(name);
    if (f == null && tool != Tool.DOCKER) f = RunFlags.otherTool(name);
    return f;
  }

  private void reportUnknown(String written, Span span, Tool tool) {
    if (tool != Tool.DOCKER) return; // podman and nerdctl have many flags of their own; not judged
    String hint = RunFlags.nearest(written);
    unknown.add(
        new ParseProblem(
            span,
            "unknown docker run flag "
                + written
                + (hint != null ? ": did you mean " + hint + "?" : "")));
  }

  /** An unquoted variable whose known value is options ({@code P="--rm -it"}; {@code $P} splits into them). */
  private static boolean holdsOptions(Word w, Function<String, String> vars) {
    if (!w.raw().startsWith("$") || w.raw().startsWith("$(")) return false;
    String v = RunValue.of(w, 0, w.value().length(), vars).text();
    return v != null && v.stripLeading().startsWith("-");
  }

  /** A lone unquoted variable named like a list of options ({@code $DOCKER_OPTS}, {@code ${RUN_ARGS}}). */
  private static boolean isOpaqueOptions(Word w) {
    String raw = w.raw();
    // $(NAME) too: a make variable in a Makefile recipe (in a shell script it would run a command
    // NAME)
    if (!raw.matches("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?")
        && !raw.matches("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)")) return false;
    String name = raw.replaceAll("[${}()]", "").toUpperCase(Locale.ROOT);
    return name.contains("OPT")
        || name.contains("ARG")
        || name.contains("FLAG")
        || name.contains("PARAM");
  }
}
