package dev.hardock.rule.secret;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.Redirect;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Word;
import dev.hardock.model.WrittenText;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.RunMount;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.model.secret.Redaction;
import dev.hardock.model.secret.SecretValues;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.List;
import java.util.Locale;

/**
 * HD404: a RUN that logs a cloud or registry CLI in, or sets a password, with a credential the build can see:
 * {@code aws configure set aws_secret_access_key}, {@code gcloud auth activate-service-account --key-file},
 * {@code az login -p}, {@code doctl auth init -t}, {@code docker login -p} or {@code --password-stdin} fed by
 * echo, {@code chpasswd} and {@code passwd --stdin} fed by echo. A literal credential is an error; one from a
 * build variable (no secret mount on the RUN) is kept in the image history; with a secret mount the CLI still
 * saves what it was given in its configuration file in this layer, unless the same RUN removes it.
 */
@RuleInfo(
    id = "HD404",
    slug = "credential-setup-in-run",
    severity = Severity.ERROR,
    appliesTo = SourceKind.DOCKERFILE)
public final class CredentialSetupInRun extends Rule {
  /** A login and where its CLI keeps the credential afterwards (null: nothing kept in a file we can remove). */
  private record Setup(String what, Word value, boolean file, String savedIn) {}

  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    EffectiveCommand e = EffectiveCommand.of(command);
    Setup s = setup(e, command);
    if (s == null) return;
    boolean secretMount = hasSecretMount(instruction);
    String shown = s.value() == null ? "" : s.value().value();
    // chpasswd reads user:password lines; a locked or empty password (app:*, app:!) sets no secret
    String secret = s.what().equals("chpasswd") ? shown.substring(shown.indexOf(':') + 1) : shown;
    if (s.what().equals("chpasswd")
        && s.value().isLiteral()
        && (secret.isEmpty() || secret.matches("[*!]+"))) return;
    if (s.value() != null && s.value().isLiteral() && !s.file()) {
      if (shown.startsWith("/run/secrets/") || SecretValues.literal(secret) == null)
        return; // a path or a placeholder
      report(
          s.value().span(),
          s.what()
              + " with a credential written in the Dockerfile ("
              + Redaction.redact(shown)
              + "): anyone who reads the Dockerfile or the image history has it",
          "mount it with RUN --mount=type=secret");
    } else if (!secretMount) {
      // a value from a shell variable of the script itself (P=$(random)) or a command is not the
      // build's
      if (s.value() == null || !s.file() && !fromBuildVariable(shown, instruction, build)) return;
      String from =
          s.file()
              ? "the key file " + shown + ", which the image or its build context holds"
              : "the build variable "
                  + String.join(", ", new java.util.TreeSet<>(SecretInEnv.references(shown)))
                  + ", which the image history keeps";
      report(
          e.name().span(),
          s.what() + " with " + from,
          "mount the credential with RUN --mount=type=secret",
          Severity.WARNING);
    } else if (s.savedIn() != null && !removedLater(command, s.savedIn())) {
      report(
          e.name().span(),
          s.what() + " saves the credential in " + s.savedIn() + " in this layer",
          "remove it in the same RUN, or pass it from the secret mount as an environment variable"
              + " (--mount=type=secret,env=...)",
          Severity.WARNING);
    }
  }

  private static Setup setup(EffectiveCommand e, ShellCommand c) {
    List<Word> args = e.args();
    String name = e.nameValue();
    switch (name) {
      case "aws" -> {
        List<Word> ops =
            operands(args, List.of("--profile", "--region", "--output", "--endpoint-url"));
        if (ops.size() >= 4
            && ops.get(0).value().equals("configure")
            && ops.get(1).value().equals("set")) {
          String key = ops.get(2).value().toLowerCase(Locale.ROOT);
          if (key.endsWith("aws_secret_access_key") || key.endsWith("aws_session_token")) {
            return new Setup(
                "aws configure set " + ops.get(2).value(), ops.get(3), false, "~/.aws/credentials");
          }
        }
      }
      case "gcloud" -> {
        List<Word> ops =
            operands(
                args,
                List.of("--project", "--account", "--configuration", "--key-file", "--cred-file"));
        if (ops.size() >= 2
            && ops.get(0).value().equals("auth")
            && (ops.get(1).value().equals("activate-service-account")
                || ops.get(1).value().equals("login"))) {
          Word key = option(args, "--key-file", null);
          if (key == null) key = option(args, "--cred-file", null);
          if (key != null)
            return new Setup("gcloud auth " + ops.get(1).value(), key, true, "~/.config/gcloud");
        }
      }
      case "az" -> {
        if (!args.isEmpty() && args.get(0).value().equals("login")) {
          Word pw = option(args, "--password", "-p");
          Word cert = option(args, "--certificate", null);
          // a service principal's -p may name its certificate file (az's documented form before
          // --certificate)
          if (pw != null && pw.isLiteral() && SecretValues.isFilePath(pw.value())) {
            cert = pw;
            pw = null;
          }
          if (pw == null) pw = option(args, "--federated-token", null);
          if (pw != null) return new Setup("az login", pw, false, "~/.azure");
          if (cert != null) return new Setup("az login", cert, true, "~/.azure");
        }
      }
      case "doctl" -> {
        if (args.size() >= 2
            && args.get(0).value().equals("auth")
            && args.get(1).value().equals("init")) {
          Word t = option(args, "--access-token", "-t");
          if (t != null) return new Setup("doctl auth init", t, false, "~/.config/doctl");
        }
      }
      case "docker", "podman", "buildah", "skopeo", "helm", "oras", "nerdctl" -> {
        int login = -1;
        for (int i = 0; i < Math.min(args.size(), 3) && login < 0; i++)
          if (args.get(i).value().equals("login")) login = i;
        if (login < 0) return null;
        List<Word> rest = args.subList(login + 1, args.size());
        Word pw = option(rest, "--password", "-p");
        if (pw != null) return new Setup(name + " login", pw, false, savedIn(name));
        for (Word w : rest) {
          if (w.value().equals("--password-stdin")) {
            // fed by echo: judged as a value; fed otherwise (cat, < file): the CLI still saves what
            // it read
            return new Setup(name + " login --password-stdin", fed(c), false, savedIn(name));
          }
        }
      }
      case "chpasswd" -> {
        Word fed = fed(c);
        return fed == null ? null : new Setup("chpasswd", fed, false, null);
      }
      case "passwd" -> {
        for (Word w : args) {
          if (w.value().equals("--stdin")) {
            Word fed = fed(c);
            return fed == null ? null : new Setup("passwd --stdin", fed, false, null);
          }
        }
      }
      default -> {}
    }
    return null;
  }

  private static boolean fromBuildVariable(String value, Instruction at, ImageBuild build) {
    java.util.Map<String, String> scope = build.variables().before(at);
    for (String ref : SecretInEnv.references(value)) if (scope.containsKey(ref)) return true;
    return false;
  }

  private static String savedIn(String tool) {
    return switch (tool) {
      case "helm" -> "~/.config/helm/registry";
      case "podman", "buildah", "skopeo" -> "the containers auth.json";
      default -> "~/.docker/config.json";
    };
  }

  /** The words that are not options nor the values of {@code valued} options. */
  private static List<Word> operands(List<Word> args, List<String> valued) {
    List<Word> out = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if (v.startsWith("-")) {
        if (!v.contains("=") && valued.contains(v)) i++;
      } else {
        out.add(args.get(i));
      }
    }
    return out;
  }

  /** The value of {@code --long VALUE}, {@code --long=VALUE}, {@code -s VALUE} or {@code -sVALUE}, as a word. */
  private static Word option(List<Word> args, String longName, String shortName) {
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (v.equals(longName) || (shortName != null && v.equals(shortName))) {
        return i + 1 < args.size() ? args.get(i + 1) : null;
      }
      if (v.startsWith(longName + "=")) return w.sub(longName.length() + 1, v.length());
      if (shortName != null
          && v.startsWith(shortName)
          && v.length() > shortName.length()
          && !v.startsWith("--")) {
        return w.sub(shortName.length(), v.length());
      }
    }
    return null;
  }

  /** What feeds the command's standard input: the words of an echo/printf piped into it, or a here-string. */
  private static Word fed(ShellCommand c) {
    for (Redirect r : c.redirects()) if (r.operator().equals("<<<")) return r.target();
    ShellCommand from = c.pipeFrom();
    if (from == null) return null;
    EffectiveCommand p = EffectiveCommand.of(from);
    if (!WrittenText.isPrint(p)) return null;
    Word last = null;
    for (Word w : p.args()) if (!w.value().startsWith("-") || last != null) last = w;
    return last;
  }

  private static boolean hasSecretMount(Instruction instruction) {
    if (!(instruction instanceof Instruction.Run run)) return false;
    for (RunMount m : run.mounts()) if (m.type().equals("secret")) return true;
    return false;
  }

  /** True when a later command of the same script removes the file or directory the CLI saved into. */
  private static boolean removedLater(ShellCommand c, String savedIn) {
    String marker = savedIn.startsWith("~/") ? savedIn.substring(2) : "auth.json";
    int at = c.script().commands().indexOf(c);
    for (ShellCommand later : c.script().commands().subList(at + 1, c.script().commands().size())) {
      EffectiveCommand e = EffectiveCommand.of(later);
      if (!e.nameValue().equals("rm")) continue;
      for (Word w : e.args()) {
        String v = trimSlash(w.value());
        if (v.contains(marker)) return true;
        for (int slash = marker.indexOf('/'); slash > 0; slash = marker.indexOf('/', slash + 1)) {
          if (v.endsWith("/" + marker.substring(0, slash))) return true;
        }
      }
    }
    return false;
  }

  private static String trimSlash(String v) {
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }
}
