package dev.hardock.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings a team has accepted for now: {@code {"version": 1, "findings": [{"rule", "file",
 * "fingerprint"}]}}, sorted, so that it diffs well under review. A finding whose fingerprint (see
 * {@link Fingerprints}: it survives lines moving) is in the baseline is not reported; SARIF still lists it
 * with an {@code external} suppression.
 */
public final class Baseline {
  private static final long MAX_BYTES = 256L * 1024 * 1024;
  private final Set<String> fingerprints;

  private Baseline(Set<String> fingerprints) {
    this.fingerprints = fingerprints;
  }

  public static Baseline read(Path file) throws IOException {
    Set<String> fps = new HashSet<>();
    String text;
    try {
      // strict UTF-8 (a damaged file gets a clear message, not the decoder's "Input length = 1"); a
      // BOM as
      // some Windows tools write it is dropped, as for every file hardock reads
      // named by the user, read as a regular file of its folder: a FIFO or device never blocks the
      // run
      dev.hardock.io.FileAccess.Read r =
          dev.hardock.io.DiskAccess.forPath(file).read(file, MAX_BYTES);
      if (r.refusal() == dev.hardock.io.FileAccess.Refusal.ABSENT)
        throw new java.nio.file.NoSuchFileException(file.toString());
      if (!r.ok()) throw new IOException(file + ": cannot read the baseline: " + r.reason());
      text = r.strictText();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException(file + ": not a hardock baseline: not UTF-8 text");
    }
    try (JsonParser p = new JsonFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT)
        throw new IOException(file + " is not a hardock baseline (expected a JSON object)");
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME
            && p.currentName().equals("fingerprint")
            && p.getParsingContext().getParent().inArray()) {
          p.nextToken();
          fps.add(p.getValueAsString());
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(
          file
              + ":"
              + e.getLocation().getLineNr()
              + ":"
              + e.getLocation().getColumnNr()
              + ": not a hardock baseline: "
              + e.getOriginalMessage());
    }
    return new Baseline(fps);
  }

  /** The file's result with the findings the baseline knows moved to the suppressed ones. */
  public FileResult apply(FileResult r) {
    if (r.findings().isEmpty()) return r;
    Map<Finding, String> fps = Fingerprints.of(r);
    List<Finding> kept = new ArrayList<>();
    List<FileResult.Suppressed> suppressed = new ArrayList<>(r.suppressed());
    for (Finding f : r.findings()) {
      if (fingerprints.contains(fps.get(f)))
        suppressed.add(new FileResult.Suppressed(f, "external", "in the baseline"));
      else kept.add(f);
    }
    return new FileResult(r.displayPath(), r.kind(), kept, r.text(), r.uri(), suppressed);
  }

  /** Records the reported findings of a run, replacing the file as {@link AtomicFile} does; returns how many. */
  public static int write(Path file, List<FileResult> results) throws IOException {
    record Entry(String rule, String file, String fingerprint) implements Comparable<Entry> {
      @Override
      public int compareTo(Entry o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = rule.compareTo(o.rule);
        return c != 0 ? c : fingerprint.compareTo(o.fingerprint);
      }
    }
    Set<Entry> entries = new TreeSet<>();
    for (FileResult r : results) {
      Map<Finding, String> fps = Fingerprints.of(r);
      for (Finding f : r.findings()) entries.add(new Entry(f.rule().id(), r.uriOf(f), fps.get(f)));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    AtomicFile.write(
        file,
        w -> {
          try (JsonGenerator g =
              new JsonFactory()
                  .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                  .createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("findings");
            for (Entry e : entries) {
              g.writeStartObject();
              g.writeStringField("rule", e.rule());
              g.writeStringField("file", e.file());
              g.writeStringField("fingerprint", e.fingerprint());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          w.write('\n');
        });
    return entries.size();
  }
}
