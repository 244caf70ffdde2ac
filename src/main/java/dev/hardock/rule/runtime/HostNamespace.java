package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Rule;

/**
 * The shape of HD106-HD110: a namespace mode set to {@code host} shares that namespace with the host. The
 * comparison is exact, as Docker's is ({@code NetworkMode.IsHost}, {@code PidMode.IsHost}... compare with
 * {@code "host"}): {@code --pid=HOST} is rejected as an invalid mode and {@code --network=HOST} names a
 * user-defined network, so neither shares anything with the host.
 */
abstract class HostNamespace extends Rule {
  /** The namespace setting this rule judges. */
  protected abstract Setting<String> mode(ContainerSpec c);

  /** What sharing that namespace gives the container. */
  protected abstract String message();

  @Override
  public final void check(ContainerSpec c) {
    Setting<String> s = mode(c);
    if (s != null && s.value() != null && s.value().equals("host")) report(s.span(), message());
  }
}
