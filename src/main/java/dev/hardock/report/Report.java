package dev.hardock.report;

import dev.hardock.engine.FileResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes lint results in one output format. */
public interface Report {
  void write(List<FileResult> results, Summary summary, Writer out) throws IOException;

  /** Whether the format shows {@link Summary#configs()}; where it does not, the command line says it on stderr. */
  default boolean showsConfigs() {
    return false;
  }
}
