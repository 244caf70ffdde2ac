package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD313: a relative WORKDIR that resolves against the base image's working directory, because no earlier
 * WORKDIR of the stage (or of the stages it is built from) set an absolute one. A path that depends on an
 * unknown variable is not judged, and counts as possibly absolute for the WORKDIRs after it.
 */
@RuleInfo(
    id = "HD313",
    slug = "workdir-relative",
    severity = Severity.INFO,
    appliesTo = SourceKind.DOCKERFILE)
public final class WorkdirRelative extends Rule {
  @Override
  public void check(Stage stage, ImageBuild build) {
    boolean anchored = false;
    for (Stage s = stage.parent(); s != null && !anchored; s = s.parent()) {
      for (Instruction.Workdir w : s.all(Instruction.Workdir.class)) {
        String path = build.variables().expand(w.path().value(), w);
        anchored |= path == null || isAbsolute(path);
      }
    }
    for (Instruction.Workdir w : stage.all(Instruction.Workdir.class)) {
      String path = build.variables().expand(w.path().value(), w);
      if (anchored || path == null || path.isEmpty() || isAbsolute(path)) {
        anchored = true;
        continue;
      }
      String shown = path.equals(w.path().value()) ? path : w.path().value() + " (" + path + ")";
      report(
          w.path().span(),
          "WORKDIR "
              + shown
              + " is relative to the base image's working directory, which can"
              + " change",
          "use an absolute path");
      anchored = true; // later relative WORKDIRs build on this one: one finding is enough
    }
  }

  /** Unix absolute, or a Windows drive or UNC path. */
  static boolean isAbsolute(String path) {
    if (path.startsWith("/") || path.startsWith("\\")) return true;
    return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
  }
}
