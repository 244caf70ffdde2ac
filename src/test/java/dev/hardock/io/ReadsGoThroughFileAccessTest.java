package dev.hardock.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file read in src/main goes through {@link FileAccess}: a direct read elsewhere must say why on one of
 * the two lines above it with a comment containing "outside FileAccess:". Keeps the next reader from
 * reopening the hole (a hostile tree's links, FIFOs and paths outside the project).
 */
class ReadsGoThroughFileAccessTest {
  private static final Pattern READ =
      Pattern.compile(
          "Files\\.(readAllBytes|readAllLines|readString|newInputStream|newBufferedReader|lines|newByteChannel)\\("
              + "|new (FileInputStream|FileReader|RandomAccessFile)\\(");

  @Test
  void noDirectReadsOutsideTheIoPackage() throws IOException {
    List<String> bad = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/hardock"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (!READ.matcher(lines.get(i)).find()) continue;
          seen++;
          if (f.startsWith(Path.of("src/main/java/dev/hardock/io"))) continue;
          // the reason stands in a comment on one of the four lines above (a formatter may wrap the
          // call)
          boolean said = false;
          for (int k = Math.max(0, i - 4); k < i; k++)
            said |= lines.get(k).contains("outside FileAccess:");
          if (!said) bad.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertTrue(seen >= 3, "the scan found no reads at all: is the source folder right?");
    assertEquals(
        List.of(), bad, "read through FileAccess, or say why not with // outside FileAccess: ...");
  }
}
