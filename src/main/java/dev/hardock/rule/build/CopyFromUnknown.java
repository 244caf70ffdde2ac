package dev.hardock.rule.build;

import dev.hardock.model.Spelling;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.Flag;
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
@RuleInfo(id = "HD316", slug = "copy-from-unknown", severity = Severity.ERROR, appliesTo = SourceKind.DOCKERFILE)
public final class CopyFromUnknown extends Rule {
  @Override
  public void check(Stage stage, ImageBuild build) {
    for (Instruction i : stage.instructions()) {
      if (i instanceof Instruction.Run) mounts(i, stage, build);
      if (!(i instanceof Instruction.Copy copy) || copy.add()) continue;
      Flag flag = i.flag("from");
      if (flag == null || flag.value() == null || flag.value().value().isEmpty()) continue;
      Text from = flag.value();
      String name = build.variables().expand(from.value(), i);
      if (name == null) continue;
      String problem = judge(name, stage, build, "copy");
      if (problem != null) report(from.span(), "COPY --from=" + name + " " + problem);
    }
  }

  /** {@code RUN --mount=type=bind,from=x} (and cache): the stage or image x is judged as COPY --from is. */
  private void mounts(Instruction i, Stage stage, ImageBuild build) {
    for (Flag f : i.flags()) {
      if (!f.name().equals("mount") || f.value() == null) continue;
      String v = f.value().value();
      int offset = 0;
      for (String part : v.split(",", -1)) {
        int start = offset;
        offset += part.length() + 1;
        if (!part.regionMatches(true, 0, "from=", 0, 5)) continue;
        String raw = part.substring(5);
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.endsWith(raw.substring(0, 1))) {
          raw = raw.substring(1, raw.length() - 1);
        }
        if (raw.isEmpty()) continue;
        String name = build.variables().expand(raw, i);
        if (name == null) continue;
        String problem = judge(name, stage, build, "mount");
        if (problem != null) report(valueSpan(f.value().span(), v, start + 5, part.length() - 5), "RUN --mount from=" + name + " " + problem);
      }
    }
  }

  /** The span of [from, from + length) of a flag value, when the value is written on one line as it reads. */
  static Span valueSpan(Span whole, String value, int from, int length) {
    if (whole.line() != whole.endLine() || whole.endColumn() - whole.column() != value.length()) return whole;
    return whole.resized(whole.line(), whole.column() + from, whole.line(), whole.column() + from + length);
  }

  private static String judge(String name, Stage current, ImageBuild build, String verb) {
    Stage target = null;
    if (name.chars().allMatch(Character::isDigit)) {
      int index = name.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(name);
      if (index >= build.stages().size()) {
        return "names stage index " + name + ", but the Dockerfile has only " + build.stages().size() + " stages"
            + " (counted from 0)";
      }
      target = build.stages().get(index);
    } else {
      for (Stage s : build.stages()) {
        if (s.name() != null && s.name().equalsIgnoreCase(name)) {
          target = s;
          break;
        }
      }
    }
    if (target == current) return "names its own stage: a stage cannot " + verb + " from itself (circular dependency)";
    if (target != null && target.index() > current.index()) {
      return "names a stage defined later (line " + target.from().span().line() + "): define it before the stage"
          + " that " + verb + "s from it (the classic builder fails, BuildKit fails on any cycle)";
    }
    if (target != null) return null;
    if (name.indexOf('/') >= 0 || name.indexOf(':') >= 0 || name.indexOf('@') >= 0 || name.indexOf('.') >= 0) return null;
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      return "names no stage, and with upper-case letters it cannot be an image name" + hint(name, build);
    }
    if (OfficialImages.contains(name)) return null;
    return "names no stage, so it would be pulled as the image docker.io/library/" + name
        + ", which is no official image" + hint(name, build);
  }

  /** A stage whose name is close to the one written, as a hint. */
  private static String hint(String name, ImageBuild build) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Stage s : build.stages()) {
      if (s.name() != null && Spelling.distance(n, s.name().toLowerCase(Locale.ROOT)) <= 2) return ": did you mean " + s.name() + "?";
    }
    return "";
  }

}
