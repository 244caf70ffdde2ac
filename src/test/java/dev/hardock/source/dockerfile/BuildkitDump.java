package dev.hardock.source.dockerfile;

import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.CommandForm;
import dev.hardock.model.dockerfile.Flag;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints our model in the S-expression shape of BuildKit's parser test `result` files. */
final class BuildkitDump {
  private BuildkitDump() {}

  static String dump(ImageBuild build) {
    StringBuilder out = new StringBuilder();
    for (Instruction i : build.instructions()) out.append('(').append(dump(i)).append(")\n");
    return out.toString();
  }

  static String dump(Instruction i) {
    List<String> parts = new ArrayList<>();
    String rest = i.head().args().value();
    if (i instanceof Instruction.From f) {
      parts.addAll(blank(rest));
    } else if (i instanceof Instruction.Run r) {
      parts.addAll(command(r.command()));
    } else if (i instanceof Instruction.Cmd c) {
      parts.addAll(command(c.command()));
    } else if (i instanceof Instruction.Entrypoint e) {
      parts.addAll(command(e.command()));
    } else if (i instanceof Instruction.Shell sh) {
      sh.shell().forEach(t -> parts.add(q(t.value())));
    } else if (i instanceof Instruction.Healthcheck h) {
      String[] w = rest.split("[ \\t]+", 2);
      if (!rest.isEmpty()) parts.add(q(w[0]));
      if (h.command() != null) parts.addAll(command(h.command()));
    } else if (i instanceof Instruction.Copy c) {
      c.sources().forEach(t -> parts.add(q(t.value())));
      parts.add(q(c.destination().value()));
    } else if (i instanceof Instruction.Volume v) {
      v.paths().forEach(t -> parts.add(q(t.value())));
    } else if (i instanceof Instruction.Env e) {
      pairs(parts, e.pairs(), rest);
    } else if (i instanceof Instruction.Label l) {
      pairs(parts, l.pairs(), rest);
    } else if (i instanceof Instruction.Arg a) {
      for (KeyValue kv : a.args())
        parts.add(q(kv.value() == null ? kv.key().value() : kv.key().value() + "=" + kv.raw()));
    } else if (i instanceof Instruction.Expose e) {
      e.ports().forEach(t -> parts.add(q(t.value())));
    } else if (i instanceof Instruction.User u) {
      parts.add(q(rest));
    } else if (i instanceof Instruction.Workdir w) {
      parts.add(q(rest));
    } else if (i instanceof Instruction.StopSignal ss) {
      parts.add(q(rest));
    } else if (i instanceof Instruction.Maintainer m) {
      parts.add(q(rest));
    } else if (i instanceof Instruction.Onbuild o) {
      parts.add("(" + dump(o.trigger()) + ")");
    }

    StringBuilder s = new StringBuilder(i.keyword().toLowerCase(Locale.ROOT));
    if (!i.flags().isEmpty()) {
      List<String> fl = new ArrayList<>();
      for (Flag f : i.flags())
        fl.add(q("--" + f.name() + (f.value() == null ? "" : "=" + f.value().value())));
      s.append(" [").append(String.join(" ", fl)).append(']');
    }
    for (String p : parts) s.append(' ').append(p);
    return s.toString().trim();
  }

  private static void pairs(List<String> parts, List<KeyValue> pairs, String rest) {
    String first = rest.split("[ \\t]+", 2)[0];
    boolean old = first.indexOf('=') < 0;
    for (KeyValue kv : pairs) {
      parts.add(q(kv.key().value()));
      parts.add(q(kv.raw()));
      parts.add(q(old ? "" : "="));
    }
  }

  private static List<String> command(CommandForm c) {
    List<String> out = new ArrayList<>();
    if (c.exec()) {
      for (Text t : c.args()) out.add(q(t.value()));
    } else if (!c.shell().value().isEmpty()) {
      out.add(q(c.shell().value()));
    }
    return out;
  }

  private static List<String> blank(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.trim().split("[ \\t]+")) if (!w.isEmpty()) out.add(q(w));
    return out;
  }

  /** Go's strconv.Quote. */
  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", c));
                  else b.appendCodePoint(c);
                }
              }
            });
    return b.append('"').toString();
  }
}
