package dev.hardock.rule;

import dev.hardock.rule.build.UserMissing;
import dev.hardock.rule.build.UserRoot;
import dev.hardock.rule.image.LatestTag;
import dev.hardock.rule.meta.InvalidSuppression;
import dev.hardock.rule.meta.ParseError;
import dev.hardock.rule.meta.UnusedSuppression;
import dev.hardock.rule.secret.HardcodedCredential;
import dev.hardock.rule.secret.SecretInBuildArg;
import dev.hardock.rule.secret.SecretInEnv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Every rule, registered here and nowhere else, sorted by id (a test keeps it so). */
public final class RuleRegistry {
  public static final List<Supplier<Rule>> ALL = List.of(
      ParseError::new,
      InvalidSuppression::new,
      UnusedSuppression::new,
      LatestTag::new,
      UserMissing::new,
      UserRoot::new,
      SecretInEnv::new,
      SecretInBuildArg::new,
      HardcodedCredential::new);

  private static volatile Map<String, RuleMeta> byKey;
  private static volatile List<RuleMeta> metas;

  private RuleRegistry() { }

  public static List<RuleMeta> metas() {
    if (metas == null) {
      List<RuleMeta> m = new ArrayList<>();
      for (Supplier<Rule> s : ALL) m.add(s.get().meta());
      metas = List.copyOf(m);
    }
    return metas;
  }

  /** The rule named by id ({@code HD201}, any case) or slug ({@code latest-tag}), or null. */
  public static RuleMeta find(String idOrSlug) {
    if (byKey == null) {
      Map<String, RuleMeta> m = new LinkedHashMap<>();
      for (RuleMeta r : metas()) {
        m.put(r.id().toLowerCase(Locale.ROOT), r);
        m.put(r.slug(), r);
      }
      byKey = m;
    }
    return idOrSlug == null ? null : byKey.get(idOrSlug.trim().toLowerCase(Locale.ROOT));
  }

  public static RuleMeta parseError() {
    return find("HD001");
  }
}
