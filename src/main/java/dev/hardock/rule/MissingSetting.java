package dev.hardock.rule;

/**
 * A rule that reports a setting a container does not set (no memory limit, no dropped capabilities), as
 * opposed to a dangerous setting that is present. In Markdown, where containers are mostly described rather
 * than defined, such rules stay silent unless the settings that govern the file enable them explicitly
 * ({@code rules} or an {@code overrides} item of {@code .hardock.yaml}, or {@code --enable}); their docs say so.
 */
public interface MissingSetting {}
