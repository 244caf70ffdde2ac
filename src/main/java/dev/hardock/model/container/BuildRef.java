package dev.hardock.model.container;

import java.nio.file.Path;

/**
 * Where a container's image is built from (compose {@code build:}): the context directory and the
 * Dockerfile in it, resolved against the compose file's folder; {@code inlineDockerfile} for
 * {@code dockerfile_inline}.
 */
public record BuildRef(Path context, Path dockerfile, String inlineDockerfile, Setting<String> span) { }
