package dev.hardock.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * {@code hardock model}: the model of each file as JSON ({@code {"version": 1, "files": [...]}}, each file as
 * {@code rule/custom/ModelView} builds it; docs/model.md and docs/model.schema.json), escaped as every machine
 * format is ({@link JsonEscapes}).
 */
public final class ModelReport {
  public static final int VERSION = 1;

  private ModelReport() {}

  public static void write(List<Map<String, Object>> files, Writer out) throws IOException {
    try (JsonGenerator g = JsonEscapes.factory().createGenerator(JsonEscapes.guard(out))) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeArrayFieldStart("files");
      for (Map<String, Object> f : files) value(g, f);
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) value(g, o);
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s); // control and bidi characters are escaped by JsonEscapes
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v == null) {
      g.writeNull();
    } else {
      g.writeString(String.valueOf(v));
    }
  }
}
