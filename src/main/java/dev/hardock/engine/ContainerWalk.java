package dev.hardock.engine;

import dev.hardock.model.EnvVar;
import dev.hardock.model.SourceText;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.rule.Rule;
import java.util.List;

/**
 * Walks the containers a compose file or a script declares, handing each to every rule, with its image,
 * environment and mounts; {@code texts} are the stretches of user text to scan for credentials.
 */
final class ContainerWalk {
  private ContainerWalk() {}

  static void walk(List<ContainerSpec> containers, List<SourceText> texts, List<Rule> rules) {
    walk(containers, List.of(), texts, rules);
  }

  /** As above, with {@code env} set outside any container (a script's {@code export DOCKER_CONTENT_TRUST=0}). */
  static void walk(
      List<ContainerSpec> containers, List<EnvVar> env, List<SourceText> texts, List<Rule> rules) {
    for (EnvVar e : env) for (Rule r : rules) r.check(e);
    for (ContainerSpec c : containers) {
      for (Rule r : rules) r.check(c);
      if (c.image() != null) for (Rule r : rules) r.check(c.image());
      for (EnvVar e : c.env()) for (Rule r : rules) r.check(e);
      for (Mount m : c.mounts()) for (Rule r : rules) r.check(m, c);
    }
    for (SourceText t : texts) {
      if (t.value().isEmpty()) continue;
      for (Rule r : rules) r.check(t);
    }
    for (Rule r : rules) r.finish();
  }
}
