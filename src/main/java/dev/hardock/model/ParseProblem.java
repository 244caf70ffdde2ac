package dev.hardock.model;

/** Something in a file that could not be read as its language requires: reported as HD001. */
public record ParseProblem(Span span, String message) { }
