package dev.hardock.model;

/**
 * An environment variable set for a build or container: Dockerfile ENV, compose {@code environment:},
 * {@code docker run -e}. {@code value} is null when only the name is given (taken from the caller's
 * environment); {@code span} covers the whole assignment.
 */
public record EnvVar(Text name, Text value, Span span, SourceKind source) { }
