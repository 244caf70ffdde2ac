package dev.hardock.model;

/**
 * An environment variable set for a build or container: Dockerfile ENV, compose {@code environment:},
 * {@code docker run -e}. {@code value} is null when only the name is given (taken from the caller's
 * environment); {@code span} covers the whole assignment.
 *
 * @param value the value as written ({@code ${TOKEN}} stays a reference)
 * @param resolved the value once interpolated, where the reader knows the variables (compose: the project's
 *     {@code .env} or {@code --env-file}); null when it is not known or the value needs no interpolation
 */
public record EnvVar(Text name, Text value, Span span, SourceKind source, String resolved) {
  public EnvVar(Text name, Text value, Span span, SourceKind source) {
    this(name, value, span, source, null);
  }

  /** The resolved value when known, else the value as written (null when only the name is given). */
  public String effectiveValue() {
    return resolved != null ? resolved : value == null ? null : value.value();
  }
}
