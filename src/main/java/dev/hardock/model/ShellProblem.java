package dev.hardock.model;

/** A shell syntax problem; callers decide whether to report it (a Dockerfile RUN never does). */
public record ShellProblem(String message, Span span) {}
