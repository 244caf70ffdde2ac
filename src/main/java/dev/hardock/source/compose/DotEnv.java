package dev.hardock.source.compose;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import dev.hardock.model.ExpansionBudget;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file as Compose reads it for interpolation: {@code KEY=value} lines, optional
 * {@code export}, {@code #} comments (a trailing one needs a space before it in an unquoted value),
 * single quotes taken literally, double quotes with {@code \n}-style escapes, and {@code ${VAR}} in
 * unquoted and double-quoted values expanded from the keys read so far, within an {@link ExpansionBudget}
 * ({@code A=${A}${A}} doubles at each line): past it a value is unknown and the key is left unset.
 */
public final class DotEnv {
  static final int MAX_BYTES = 1024 * 1024;

  private DotEnv() {}

  /** Reads a file of the project that encloses it; a file that is not read gives no variables. */
  public static Map<String, String> read(Path file) {
    return read(DiskAccess.forPath(file), file);
  }

  /** The variables of {@code file} read through {@code access}; a file that is not read gives none. */
  static Map<String, String> read(FileAccess access, Path file) {
    FileAccess.Read r = access.read(file, MAX_BYTES);
    return r.ok() ? parse(r.text()) : Map.of();
  }

  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    ExpansionBudget budget = ExpansionBudget.forText(text.length());
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("export ") || line.startsWith("export\t"))
        line = line.substring(7).strip();
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue; // a bare name: nothing to interpolate with
      }
      String key = line.substring(0, eq).strip();
      String raw = line.substring(eq + 1).stripLeading();
      String value;
      if (raw.startsWith("'")) {
        int close = raw.indexOf('\'', 1);
        value = close < 0 ? raw.substring(1) : raw.substring(1, close);
      } else if (raw.startsWith("\"")) {
        StringBuilder b = new StringBuilder();
        int j = 1;
        boolean closed = false;
        while (!closed) {
          String cur = raw;
          for (; j < cur.length(); j++) {
            char c = cur.charAt(j);
            if (c == '\\' && j + 1 < cur.length()) {
              char n = cur.charAt(++j);
              b.append(
                  switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                  });
            } else if (c == '"') {
              closed = true;
              break;
            } else {
              b.append(c);
            }
          }
          if (!closed) {
            if (i + 1 >= lines.length) break; // unterminated: take what there is
            b.append('\n');
            raw = lines[++i];
            j = 0;
          }
        }
        value = expand(b.toString(), out, budget);
      } else {
        int hash = raw.indexOf(" #");
        if (hash < 0) hash = raw.indexOf("\t#");
        value = expand((hash < 0 ? raw : raw.substring(0, hash)).strip(), out, budget);
      }
      if (value == null) out.remove(key); // past the expansion budget: unknown, as if never set
      else out.put(key, value);
    }
    return out;
  }

  /** The value with ${VAR} expanded; as written when it needs an unset variable; null past the budget. */
  private static String expand(String v, Map<String, String> known, ExpansionBudget budget) {
    String e = Interpolation.expand(v, budget.lookup(known::get));
    return e != null ? e : budget.spent() ? null : v;
  }
}
