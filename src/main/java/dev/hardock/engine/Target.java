package dev.hardock.engine;

import dev.hardock.model.SourceKind;
import java.nio.file.Path;

/** A file to lint, how to show its path, and which reader to use. */
public record Target(Path path, String displayPath, SourceKind kind) { }
