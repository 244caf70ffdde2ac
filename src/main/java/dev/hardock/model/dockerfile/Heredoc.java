package dev.hardock.model.dockerfile;

import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;

/**
 * A heredoc of a RUN/COPY/ADD: its delimiter, whether the body expands variables, the body itself, and
 * the body's commands when a shell runs it ({@code RUN <<EOF}, {@code RUN bash <<EOF}), else null.
 */
public record Heredoc(
    String name,
    boolean expand,
    boolean chomp,
    Span markerSpan,
    SourceText body,
    Span span,
    ShellScript script) {}
