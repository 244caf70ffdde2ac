package dev.hardock.model.container;

import dev.hardock.model.Span;

/**
 * A resource limit of the container's processes: compose {@code ulimits:} ({@code nofile: {soft, hard}} or one
 * number), {@code --ulimit nofile=1024:2048}, Quadlet {@code Ulimit=}. {@code soft} and {@code hard} are the
 * values as written ({@code -1} or {@code unlimited} included); when one value is given it is both, as Docker
 * takes it ({@code hard} then has the soft value's span).
 *
 * @param name the limit's name ({@code nofile}, {@code nproc}, {@code core}, ...)
 * @param span the whole item
 */
public record Ulimit(Setting<String> name, Setting<String> soft, Setting<String> hard, Span span) {}
