package dev.hardock.model;

/**
 * An image the build or container pulls: a Dockerfile FROM, {@code COPY --from=image},
 * {@code RUN --mount=from=image}, a compose {@code image:} or the image argument of {@code docker run}.
 * References to build stages are not image uses.
 */
public record ImageUse(ImageRef ref, Span span, String where) { }
