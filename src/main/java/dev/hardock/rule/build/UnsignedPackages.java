package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceText;
import dev.hardock.model.Word;
import dev.hardock.model.WrittenText;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HD310: packages installed without checking their signatures (CIS 4.11). */
@RuleInfo(
    id = "HD310",
    slug = "unsigned-packages",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class UnsignedPackages extends Rule {
  /** Flags that skip signature checks, per package manager family. */
  private static final Map<PackageManagerCommand.Family, Set<String>> FLAGS =
      Map.of(
          PackageManagerCommand.Family.APT,
              Set.of("--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories"),
          PackageManagerCommand.Family.APK, Set.of("--allow-untrusted"),
          PackageManagerCommand.Family.DNF, Set.of("--nogpgcheck", "--no-gpgchecks"),
          PackageManagerCommand.Family.ZYPPER,
              Set.of(
                  "--no-gpg-checks",
                  "--no-gpgcheck",
                  "--gpgcheck-allow-unsigned",
                  "--gpgcheck-allow-unsigned-repo",
                  "--gpgcheck-allow-unsigned-package"),
          PackageManagerCommand.Family.RPM,
              Set.of("--nosignature", "--nodigest", "--nofiledigest", "--noverify"));

  private static final Pattern APT_OPTION =
      Pattern.compile(
          "(?i)(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories"
              + "|Acquire::AllowDowngradeToInsecureRepositories)\\s*=\\s*\"?(true|1|yes|on)\"?");

  /**
   * Settings in configuration text or option values: yum/dnf gpgcheck, apt sources options and apt.conf. The
   * gpgcheck key prefix is added by {@link SettingKey#start} and [options] lists are cut out by {@link #aptOptions},
   * so that every scan stays linear (CWE-1333).
   */
  private static final Pattern SETTING =
      Pattern.compile(
          "(?i)(?<![\\w-])gpgcheck\\s*=\\s*[\"']?(?:0|false|no|off)(?![\\w-])"
              + "|(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)\\s+\"?(?:true|1|yes)\"?");

  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    for (Heredoc h : instruction.head().heredocs()) {
      if (h.script() == null) settings(h.body());
    }
  }

  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    EffectiveCommand e = EffectiveCommand.of(command);
    for (SourceText t : WrittenText.of(command, build.file().lines())) settings(t);
    if (!WrittenText.isPrint(e) && !e.nameValue().startsWith("grep")) {
      for (Word w : e.args()) settings(new SourceText(w.valueText(), build.file().lines()));
    }
    PackageManagerCommand pm = PackageManagerCommand.of(e);
    if (pm == null) return;
    String tool = pm.manager().command();
    // apk index --allow-untrusted indexes local packages (built, then signed by abuild-sign):
    // nothing installed
    if (pm.manager().family() == PackageManagerCommand.Family.APK && "index".equals(pm.action()))
      return;
    for (PackageManagerCommand.Option o : pm.options()) {
      if (FLAGS.get(pm.manager().family()).contains(o.name())
          && (o.value() == null || !o.value().matches("(?i)false|0|no|off"))) {
        report(
            o.word().span(),
            tool + " " + o.name() + " installs packages without checking their signatures");
      } else if ((o.name().equals("-o") || o.name().equals("--option"))
          && o.value() != null
          && APT_OPTION.matcher(o.value()).matches()) {
        report(
            o.span(),
            tool + " -o " + o.value() + " installs packages without checking their signatures");
      } else if (o.name().equals("-G")
          && pm.manager().family() == PackageManagerCommand.Family.ZYPPER
          && Set.of("ar", "addrepo", "mr", "modifyrepo").contains(pm.action())) {
        report(
            o.word().span(),
            "zypper " + pm.action() + " -G turns off signature checks for the repository");
      }
    }
  }

  private void settings(SourceText text) {
    String v = text.value();
    // every SETTING match holds a '=' or a "::" (most words hold neither: no matcher for them)
    if (v.indexOf('=') < 0 && v.indexOf("::") < 0) {
      aptOptions(text);
      return;
    }
    Matcher m = SETTING.matcher(v);
    int floor = 0;
    while (m.find()) {
      int start =
          m.group().regionMatches(true, 0, "gpgcheck", 0, 8)
              ? SettingKey.start(v, m.start(), floor, ".*-")
              : m.start();
      floor = m.end();
      report(
          text.span(start, m.end()),
          v.substring(start, m.end()).trim() + " turns off package signature checks");
    }
    aptOptions(text);
  }

  private static final Pattern INSECURE_OPTION =
      Pattern.compile("(?i)\\b(?:trusted|allow-insecure)=yes\\b");

  /** apt sources options {@code [trusted=yes]}: each bracket pair without '[' or a line end inside, found in one pass. */
  private void aptOptions(SourceText text) {
    String v = text.value();
    int open = v.indexOf('[');
    while (open >= 0) {
      int close = open + 1;
      while (close < v.length() && "[]\n".indexOf(v.charAt(close)) < 0) close++;
      if (close < v.length() && v.charAt(close) == ']') {
        if (INSECURE_OPTION.matcher(v).region(open + 1, close).find()) {
          report(
              text.span(open, close + 1),
              v.substring(open, close + 1).trim() + " turns off package signature checks");
        }
        close++;
      }
      open = v.indexOf('[', close);
    }
  }
}
