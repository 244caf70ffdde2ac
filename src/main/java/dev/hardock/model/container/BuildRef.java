package dev.hardock.model.container;

import dev.hardock.model.Span;
import java.nio.file.Path;

/**
 * Where a container's image is built from (compose {@code build:}), and what the build tells about the
 * image when the Dockerfile was found and read in the same scan.
 *
 * @param context the build context directory, resolved against the compose file's folder
 * @param dockerfile the Dockerfile (context + {@code dockerfile:}), or null for {@code dockerfile_inline}
 * @param span the {@code build:} key or value in the compose file
 * @param imageUser the user the image's final stage runs as: the value of its last USER (following
 *     {@code FROM <stage>}), {@code ""} when the final stage never sets USER (so: root), or null when
 *     unknown (Dockerfile missing or unreadable, USER from an unknown variable)
 * @param imageUserSpan where that USER (or, for {@code ""}, the final FROM) stands in the Dockerfile, or null
 */
public record BuildRef(
    Path context, Path dockerfile, Span span, String imageUser, Span imageUserSpan) {}
