package dev.hardock.model.dockerfile;

import dev.hardock.model.ImageUse;
import dev.hardock.model.Text;

/**
 * What a FROM, {@code COPY --from} or {@code RUN --mount=...,from=} names, resolved by the reader as BuildKit
 * resolves it: a stage of this build or an image. A FROM names a stage only when an earlier stage has that name;
 * {@code --from} and {@code from=} name a stage by index (all digits, counted from 0) or by any stage's name,
 * earlier, later or its own (BuildKit then fails on the cycle: rules judge that), names compared without case.
 *
 * @param at the instruction (for one inside ONBUILD, the trigger)
 * @param in the stage holding the instruction, null outside any stage
 * @param onbuild true inside ONBUILD: resolved in a later build that uses this image, not against these stages
 * @param where FROM, COPY_FROM or RUN_MOUNT_FROM (also for ADD --from, which BuildKit rejects)
 * @param written the value as written, at its place
 * @param name the value with build variables expanded, null when it depends on an unknown one
 * @param stage the stage it names, null when none
 * @param image the image it pulls, null when it names a stage, a stage index, scratch or nothing
 */
public record FromReference(
    Instruction at,
    Stage in,
    boolean onbuild,
    ImageUse.Where where,
    Text written,
    String name,
    Stage stage,
    ImageUse image) {}
