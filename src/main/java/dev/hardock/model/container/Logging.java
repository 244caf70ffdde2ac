package dev.hardock.model.container;

import dev.hardock.model.Span;
import java.util.List;

/**
 * Where the container's output goes: compose {@code logging:} ({@code driver}, {@code options}), {@code
 * --log-driver} and {@code --log-opt}, Quadlet {@code LogDriver=}/{@code LogOpt=}, Ansible {@code log_driver}/
 * {@code log_options}. {@code driver} is null when only options are given (the daemon's default driver takes
 * them).
 *
 * @param span the {@code logging:} key, or the first logging option of a run line
 */
public record Logging(Setting<String> driver, List<Pair> options, Span span) {
  public Logging {
    options = List.copyOf(options);
  }
}
