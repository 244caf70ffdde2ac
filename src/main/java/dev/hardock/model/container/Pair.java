package dev.hardock.model.container;

import dev.hardock.model.Span;
import dev.hardock.model.Text;

/**
 * A {@code key=value} a container is given: a label (compose {@code labels:}, {@code --label}, Quadlet
 * {@code Label=}) or a log option ({@code logging.options}, {@code --log-opt}). {@code value} is null when only the
 * key is written ({@code --label com.acme.beta}, which Docker sets to the empty string); {@code span} covers the
 * whole item.
 */
public record Pair(Text key, Text value, Span span) {}
