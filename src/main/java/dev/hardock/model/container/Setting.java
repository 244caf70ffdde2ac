package dev.hardock.model.container;

import dev.hardock.model.Span;

/** A value a container spec was given, and the span of the token that gave it (for findings). */
public record Setting<T>(T value, Span span) {}
