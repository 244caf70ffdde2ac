package dev.hardock.model;

/**
 * An image the build or container pulls: a Dockerfile FROM, {@code COPY --from=image},
 * {@code RUN --mount=from=image}, a compose {@code image:} or the image argument of {@code docker run}.
 * References to build stages are not image uses.
 *
 * @param where which kind of place names it
 */
public record ImageUse(ImageRef ref, Span span, Where where) {
  /** The kinds of place that name an image. */
  public enum Where {
    /** A Dockerfile {@code FROM} that names no earlier stage. */
    FROM,
    /** {@code COPY --from=} that names no stage. */
    COPY_FROM,
    /** {@code RUN --mount=...,from=} that names no stage. */
    RUN_MOUNT_FROM,
    /** The image a container runs: compose {@code image:}, the image of {@code docker run}. */
    CONTAINER;

    /** True where a build stage could have been meant: a bare name there that is no stage may be a typo. */
    public boolean couldNameStage() {
      return this == COPY_FROM || this == RUN_MOUNT_FROM;
    }
  }
}
