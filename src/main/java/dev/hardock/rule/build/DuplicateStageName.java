package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** HD317: a stage alias already used by an earlier stage (stage names are case-insensitive). */
@RuleInfo(
    id = "HD317",
    slug = "duplicate-stage-name",
    severity = Severity.ERROR,
    appliesTo = SourceKind.DOCKERFILE)
public final class DuplicateStageName extends Rule {
  @Override
  public void check(ImageBuild build) {
    Map<String, Stage> seen = new HashMap<>();
    for (Stage s : build.stages()) {
      if (s.name() == null) continue;
      Stage first = seen.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
      if (first == null) continue;
      report(
          s.from().alias().span(),
          "stage name "
              + s.name()
              + " is already used by the stage on line "
              + first.from().span().line()
              + ": stage names must be unique");
    }
  }
}
