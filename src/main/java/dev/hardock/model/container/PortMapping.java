package dev.hardock.model.container;

import dev.hardock.model.Span;

/**
 * A published port ({@code -p}, {@code --publish}, compose {@code ports:} short and long syntax).
 *
 * @param hostIp null when none is given (all interfaces)
 * @param hostPort first host port of the range, or null when Docker picks one
 * @param containerPort the container port (or range) as written
 */
public record PortMapping(String hostIp, Integer hostPort, String containerPort, String protocol, Span span) { }
