package dev.hardock.model.dockerfile;

import dev.hardock.model.SourceText;
import dev.hardock.model.Span;

/** A heredoc of a RUN/COPY/ADD: its delimiter, whether the body expands variables, and the body itself. */
public record Heredoc(String name, boolean expand, boolean chomp, Span markerSpan, SourceText body, Span span) { }
