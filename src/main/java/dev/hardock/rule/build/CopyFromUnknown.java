package dev.hardock.rule.build;

import dev.hardock.model.ImageUse;
import dev.hardock.model.OfficialImages;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Spelling;
import dev.hardock.model.dockerfile.FromReference;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.Locale;

/**
 * HD316: {@code COPY --from} or {@code RUN --mount=...,from=} that cannot mean what it says: its own stage (a cycle), a stage defined later,
 * a stage index out of range, or a bare name that is no stage and cannot be an image either (a bare name
 * is pulled as {@code docker.io/library/<name>}, which exists only for Docker Official Images). Names with a
 * registry, namespace, tag or digest are images and left alone, as are values with unknown variables.
 */
@RuleInfo(
    id = "HD316",
    slug = "copy-from-unknown",
    severity = Severity.ERROR,
    appliesTo = SourceKind.DOCKERFILE)
public final class CopyFromUnknown extends Rule {
  @Override
  public void check(ImageBuild build) {
    for (FromReference r : build.references()) {
      // an ONBUILD trigger is resolved in the build that uses this image, against its stages
      if (r.onbuild() || r.in() == null || r.name() == null || r.written().value().isEmpty())
        continue;
      if (r.where() == ImageUse.Where.COPY_FROM && !((Instruction.Copy) r.at()).add()) {
        String problem = judge(r, build, "copy");
        if (problem != null) report(r.written().span(), "COPY --from=" + r.name() + " " + problem);
      } else if (r.where() == ImageUse.Where.RUN_MOUNT_FROM) {
        String problem = judge(r, build, "mount");
        if (problem != null)
          report(r.written().span(), "RUN --mount from=" + r.name() + " " + problem);
      }
    }
  }

  private static String judge(FromReference r, ImageBuild build, String verb) {
    String name = r.name();
    Stage current = r.in();
    Stage target = r.stage();
    if (target == null && name.chars().allMatch(Character::isDigit)) {
      return "names stage index "
          + name
          + ", but the Dockerfile has only "
          + build.stages().size()
          + " stages"
          + " (counted from 0)";
    }
    if (target == current)
      return "names its own stage: a stage cannot " + verb + " from itself (circular dependency)";
    if (target != null && target.index() > current.index()) {
      return "names a stage defined later (line "
          + target.from().span().line()
          + "): define it before the stage"
          + " that "
          + verb
          + "s from it (the classic builder fails, BuildKit fails on any cycle)";
    }
    if (target != null) return null;
    if (name.indexOf('/') >= 0
        || name.indexOf(':') >= 0
        || name.indexOf('@') >= 0
        || name.indexOf('.') >= 0) return null;
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      return "names no stage, and with upper-case letters it cannot be an image name"
          + hint(name, build);
    }
    if (OfficialImages.contains(name)) return null;
    return "names no stage, so it would be pulled as the image docker.io/library/"
        + name
        + ", which is no official image"
        + hint(name, build);
  }

  /** A stage whose name is close to the one written, as a hint. */
  private static String hint(String name, ImageBuild build) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Stage s : build.stages()) {
      if (s.name() != null && Spelling.distance(n, s.name().toLowerCase(Locale.ROOT)) <= 2)
        return ": did you mean " + s.name() + "?";
    }
    return "";
  }
}
