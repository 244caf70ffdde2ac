package dev.hardock.model.container;

import dev.hardock.model.Span;
import dev.hardock.model.Text;

/**
 * A build argument a container's image is built with (compose {@code build.args}, list or map form).
 *
 * @param value the value as written (interpolation not applied, so {@code ${TOKEN}} stays a reference), or
 *     null when only the name is given (taken from the environment)
 * @param span the whole entry ({@code NAME=value} item or {@code NAME: value} pair)
 * @param container the service (or command) the argument builds the image for
 */
public record BuildArg(Text name, Text value, Span span, String container) {}
