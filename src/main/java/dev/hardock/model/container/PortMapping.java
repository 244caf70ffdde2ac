package dev.hardock.model.container;

import dev.hardock.model.Span;

/**
 * A published port ({@code -p}, {@code --publish}, compose {@code ports:} short and long syntax), or every port
 * the image exposes ({@code -P}).
 *
 * @param hostIp null when none is given (all interfaces)
 * @param hostPort first host port of the range, or null when Docker picks one
 * @param containerPort the container port (or range) as written; null for {@code -P}
 * @param hostPorts the host port (or range) as written, or null when Docker picks one
 * @param allExposed for {@code -P}/{@code --publish-all}: the flag as written; otherwise null
 */
public record PortMapping(
    String hostIp,
    Integer hostPort,
    String containerPort,
    String protocol,
    Span span,
    String hostPorts,
    String allExposed) {

  /** A mapping whose host port is known only by its first port. */
  public PortMapping(
      String hostIp, Integer hostPort, String containerPort, String protocol, Span span) {
    this(
        hostIp,
        hostPort,
        containerPort,
        protocol,
        span,
        hostPort == null ? null : hostPort.toString(),
        null);
  }

  /** {@code -P}: every port the image exposes, each on a random host port; {@code flag} as written. */
  public static PortMapping allExposed(String flag, Span span) {
    return new PortMapping(null, null, null, null, span, null, flag);
  }
}
