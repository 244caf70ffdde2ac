package dev.hardock.model.dockerfile;

import dev.hardock.model.Span;
import dev.hardock.model.Text;

/**
 * A {@code key=value} pair of ENV, LABEL or ARG. {@code value} is the unquoted value (null for an ARG
 * without default); {@code raw} is the value as written; {@code span} covers the whole pair.
 */
public record KeyValue(Text key, Text value, String raw, Span span) {}
