package dev.hardock.rule.build;

import dev.hardock.model.DownloadTool;
import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.WrittenText;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HD309: TLS certificate verification switched off for a download tool, a package manager or a runtime:
 * by a flag, a configuration setting or an environment variable.
 */
@RuleInfo(
    id = "HD309",
    slug = "tls-verification-disabled",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class TlsVerificationDisabled extends Rule {
  /**
   * Settings in configuration text or option values (yum/dnf/git sslverify, wgetrc, npmrc). The bare name: its key
   * prefix is added by {@link SettingKey#start}, which keeps find() linear (CWE-1333).
   */
  private static final Pattern SETTING =
      Pattern.compile(
          "(?i)(?<![\\w-])(?:sslverify\\s*=\\s*[\"']?(?:0|false|no|off)"
              + "|check_certificate\\s*=\\s*[\"']?off|strict-ssl\\s*=\\s*[\"']?false)(?![\\w-])");

  private static final Pattern GIT_KEY = Pattern.compile("(?i)http(\\..+)?\\.sslverify");
  private static final Pattern FALSE = Pattern.compile("(?i)false|0|no|off");

  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    List<KeyValue> pairs =
        instruction instanceof Instruction.Env e
            ? e.pairs()
            : instruction instanceof Instruction.Arg a ? a.args() : List.of();
    for (KeyValue kv : pairs) {
      if (kv.value() != null) environment(kv.key().value(), kv.value().value(), kv.span());
    }
    for (Heredoc h : instruction.head().heredocs()) {
      if (h.script() == null) settings(h.body());
    }
  }

  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    EffectiveCommand e = EffectiveCommand.of(command);
    for (Word a : e.assignments()) assignment(a, instruction, build);
    String name = e.nameValue();
    if (name.equals("export") || name.equals("declare") || name.equals("typeset")) {
      for (Word a : e.args())
        if (EffectiveCommand.isAssignment(a.value())) assignment(a, instruction, build);
    }
    for (SourceText t : WrittenText.of(command, build.file().lines())) settings(t);
    if (!WrittenText.isPrint(e) && !name.equals("git") && !name.startsWith("grep")) {
      for (Word w : e.args()) settings(new SourceText(w.valueText(), build.file().lines()));
    }
    List<Word> args = e.args();
    switch (name) {
      case "curl" -> curl(args);
      case "wget" -> flag(args, "--no-check-certificate", "wget");
      case "git" -> git(args);
      case "npm", "yarn", "pnpm" -> npm(name, args);
      case "uv" -> flag(args, "--allow-insecure-host", "uv");
      default -> {
        LanguagePackageCommand p = LanguagePackageCommand.of(e);
        if (p != null && p.tool() == LanguagePackageCommand.Tool.PIP) pip(args);
      }
    }
  }

  private void curl(List<Word> args) {
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if (v.equals("--")) return;
      if (v.equals("--insecure") || v.equals("--proxy-insecure")) {
        report(
            args.get(i).span(),
            "curl " + v + " disables TLS certificate verification",
            "fix the CA bundle instead",
            removeWord(args.get(i), "Remove " + v));
      } else if (v.startsWith("-") && !v.startsWith("--")) {
        for (int k = 1; k < v.length(); k++) {
          if (v.charAt(k) == 'k') {
            Word w = args.get(i);
            Fix fix =
                v.equals("-k")
                    ? removeWord(w, "Remove -k")
                    : w.isLiteral() && w.raw().equals(v)
                        ? Fix.unsafe("Remove k from " + v, delete(w.span(k, k + 1)))
                        : null;
            report(
                w.span(),
                "curl "
                    + v
                    + (v.equals("-k") ? "" : " (-k)")
                    + " disables TLS certificate verification",
                "fix the CA bundle instead",
                fix);
            break;
          }
          if (DownloadTool.CURL.takesValue(v.charAt(k))) {
            if (k == v.length() - 1) i++;
            break;
          }
        }
      }
    }
  }

  private void flag(List<Word> args, String flag, String tool) {
    for (Word w : args) {
      if (w.value().equals(flag) || w.value().startsWith(flag + "=")) {
        report(
            w.span(),
            tool + " " + flag + " disables TLS certificate verification",
            w.value().equals(flag)
                        && !flag.equals("--trusted-host")
                        && !flag.equals("--allow-insecure-host")
                    || w.value().startsWith(flag + "=")
                ? removeWord(w, "Remove " + flag)
                : null);
      }
    }
  }

  /**
   * Unsafe: the download then fails until the certificate problem it hid is fixed (a private CA, a proxy).
   * Removes a plain (unquoted, literal) word with one blank beside it, so the rest of the line, its
   * continuations and its quoting stay as written.
   */
  private Fix removeWord(Word w, String title) {
    Span s = w.span();
    if (!w.isLiteral() || !w.raw().equals(w.value()) || s.line() != s.endLine()) return null;
    String l = line(s.line());
    if (l == null || l.length() < s.endColumn() - 1) return null;
    int from = s.column() - 1;
    int to = s.endColumn() - 1;
    if (to < l.length() && (l.charAt(to) == ' ' || l.charAt(to) == '\t')) {
      to++;
    } else if (from > 0 && (l.charAt(from - 1) == ' ' || l.charAt(from - 1) == '\t')) {
      from--;
    } else {
      return null;
    }
    return Fix.unsafe(title, delete(s.resized(s.line(), from + 1, s.line(), to + 1)));
  }

  private void pip(List<Word> args) {
    flag(args, "--trusted-host", "pip");
    for (int i = 0; i + 2 < args.size(); i++) {
      if (args.get(i).value().equals("set") && args.get(i + 1).value().endsWith("trusted-host")) {
        report(
            args.get(i + 1).span().to(args.get(i + 2).span()),
            "pip config "
                + args.get(i + 1).value()
                + " disables TLS certificate verification for "
                + args.get(i + 2).value());
      }
    }
  }

  private void git(List<Word> args) {
    for (int i = 0; i + 1 < args.size(); i++) {
      String v = args.get(i).value();
      String next = args.get(i + 1).value();
      int eq = next.indexOf('=');
      if (v.equals("-c")
          && eq > 0
          && GIT_KEY.matcher(next.substring(0, eq)).matches()
          && FALSE.matcher(next.substring(eq + 1)).matches()) {
        report(
            args.get(i).span().to(args.get(i + 1).span()),
            "git -c " + next + " disables TLS certificate verification");
      }
      if (GIT_KEY.matcher(v).matches()
          && FALSE.matcher(next).matches()
          && args.stream().anyMatch(w -> w.value().equals("config"))) {
        report(
            args.get(i).span().to(args.get(i + 1).span()),
            "git config " + v + " " + next + " disables TLS certificate verification");
      }
    }
  }

  private void npm(String tool, List<Word> args) {
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (v.equals("--no-strict-ssl") || v.equalsIgnoreCase("--strict-ssl=false"))
        report(w.span(), tool + " " + v + " disables TLS certificate verification");
      boolean key = v.equalsIgnoreCase("strict-ssl") || v.equals("enableStrictSsl");
      if (key
          && i > 0
          && args.get(i - 1).value().equals("set")
          && i + 1 < args.size()
          && FALSE.matcher(args.get(i + 1).value()).matches()) {
        report(
            w.span().to(args.get(i + 1).span()),
            tool
                + " config set "
                + v
                + " "
                + args.get(i + 1).value()
                + " disables TLS certificate verification");
      }
    }
  }

  private void settings(SourceText text) {
    String v = text.value();
    if (v.indexOf('=') < 0)
      return; // every SETTING match holds one (most words do not: no matcher for them)
    Matcher m = SETTING.matcher(v);
    int floor = 0;
    while (m.find()) {
      int start = SettingKey.start(v, m.start(), floor, ".*:/-");
      floor = m.end();
      report(
          text.span(start, m.end()),
          v.substring(start, m.end()).trim() + " disables TLS certificate verification");
    }
  }

  private void assignment(Word w, Instruction at, ImageBuild build) {
    int eq = w.value().indexOf('=');
    if (eq <= 0) return;
    String value = w.value().substring(eq + 1);
    if (!w.isLiteral()) value = build.variables().expand(value, at);
    if (value != null) environment(w.value().substring(0, eq), value, w.span());
  }

  private void environment(String name, String value, Span span) {
    String v = value.trim();
    String why =
        switch (name.toUpperCase(Locale.ROOT)) {
          case "NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY" -> v.equals("0") ? "" : null;
          case "NPM_CONFIG_STRICT_SSL", "YARN_STRICT_SSL" -> FALSE.matcher(v).matches() ? "" : null;
          case "GIT_SSL_NO_VERIFY" -> " (git checks only that it is set, whatever the value)";
          case "PIP_TRUSTED_HOST", "GOINSECURE", "UV_INSECURE_HOST" -> v.isEmpty() ? null : "";
          default -> null;
        };
    if (why != null)
      report(span, name + "=" + value + " disables TLS certificate verification" + why);
  }
}
