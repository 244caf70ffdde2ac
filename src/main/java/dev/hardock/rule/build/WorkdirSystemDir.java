package dev.hardock.rule.build;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.List;

/**
 * HD322: a WORKDIR in a directory the kernel or the runtime owns ({@code /proc}, {@code /sys}, {@code /dev},
 * {@code /boot}...), after variables are resolved and the path is normalised ({@code /opt/../proc} is
 * {@code /proc}). A path that depends on an unknown variable is not judged.
 */
@RuleInfo(
    id = "HD322",
    slug = "workdir-system-dir",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class WorkdirSystemDir extends Rule {
  /** Trivy DS-0030's list, plus /sys, which the runtime also mounts over. */
  static final List<String> SYSTEM_DIRS =
      List.of("/proc", "/sys", "/dev", "/boot", "/initrd", "/lost+found");

  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Workdir w)) return;
    String path = build.variables().expand(w.path().value(), w);
    if (path == null || !path.startsWith("/")) return;
    String normal = SensitivePaths.normalize(path);
    for (String dir : SYSTEM_DIRS) {
      if (normal.equals(dir) || normal.startsWith(dir + "/")) {
        String shown = path.equals(w.path().value()) ? path : w.path().value() + " (" + path + ")";
        report(
            w.path().span(),
            "WORKDIR "
                + shown
                + " is under "
                + dir
                + ", which the kernel or the container runtime"
                + " owns: files written there at build time are hidden or rejected at run time",
            "use an application directory");
        return;
      }
    }
  }
}
