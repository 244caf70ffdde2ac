package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellProblem;
import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.source.shell.ShellParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a Podman Quadlet unit ({@code *.container}, podman-container.unit(5)) into the {@link
 * dev.hardock.model.container.ContainerSpec} of the {@code podman run} that Quadlet generates from its
 * {@code [Container]} section: each key stands for the run flag the man page names ({@code AddCapability=} is
 * {@code --cap-add}, {@code SecurityLabelDisable=true} is {@code --security-opt label=disable}, ...), at the
 * entry's position; {@code PodmanArgs=} are run flags read by the run-line parser. Since Quadlet runs the
 * container in the service's own cgroup, the {@code [Service]} limits {@code MemoryMax=}, {@code CPUQuota=} and
 * {@code TasksMax=} count as its limits. {@code %} specifiers and {@code $VAR}s stay unresolved. Never throws.
 */
public final class QuadletReader {
  private static final Function<String, String> NONE = k -> null;

  /** Keys of one value that are the run flag named. */
  private static final Map<String, String> ONE =
      Map.ofEntries(
          Map.entry("Network", "network"),
          Map.entry("Volume", "volume"),
          Map.entry("Mount", "mount"),
          Map.entry("Tmpfs", "tmpfs"),
          Map.entry("Memory", "memory"),
          Map.entry("PidsLimit", "pids-limit"),
          Map.entry("User", "user"),
          Map.entry("PublishPort", "publish"),
          Map.entry("UserNS", "userns"),
          Map.entry("HealthCmd", "health-cmd"),
          Map.entry("AddDevice", "device"),
          Map.entry("Ulimit", "ulimit"),
          Map.entry("LogDriver", "log-driver"),
          Map.entry("LogOpt", "log-opt"));

  /** Keys that hold space-separated lists of values of a run flag. */
  private static final Map<String, String> LISTS =
      Map.of(
          "AddCapability",
          "cap-add",
          "DropCapability",
          "cap-drop",
          "Environment",
          "env",
          "Label",
          "label");

  /** Keys whose value is a {@code --security-opt} with this prefix. */
  private static final Map<String, String> SECURITY =
      Map.of("Unmask", "unmask=", "Mask", "mask=", "SeccompProfile", "seccomp=");

  /** Boolean keys and the run flag (or security option) they stand for when true. */
  private static final Map<String, String> BOOLS =
      Map.of(
          "ReadOnly",
          "read-only",
          "RunInit",
          "init",
          "NoNewPrivileges",
          "security-opt no-new-privileges",
          "SecurityLabelDisable",
          "security-opt label=disable");

  /** [Service] limits that apply to the container, which Quadlet runs in the service's cgroup. */
  private static final Map<String, String> SERVICE_LIMITS =
      Map.of(
          "MemoryMax",
          "memory",
          "MemoryHigh",
          "memory",
          "CPUQuota",
          "cpus",
          "TasksMax",
          "pids-limit");

  private QuadletReader() {}

  public static RunLineReader.Result read(SourceFile file) {
    return read(file.text(), file.lines(), file.displayPath());
  }

  static RunLineReader.Result read(String text, LineIndex lines, String shown) {
    RunLineReader.Result result =
        new RunLineReader.Result(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new dev.hardock.model.SourceLayout());
    UnitFile.layout(text, lines, result.layout(), shown);
    RunArgs args = RunArgs.parse(List.of(), RunArgs.Tool.PODMAN, NONE);
    Span declared = null;
    boolean container = false;
    boolean rootfs = false;
    for (UnitFile.Entry e : UnitFile.entries(text, lines)) {
      if (e.section().equals("Service")
          && SERVICE_LIMITS.containsKey(e.key())
          && !e.value().text().isEmpty()
          && !e.value().text().equalsIgnoreCase("infinity")) {
        args.options.add(
            option(SERVICE_LIMITS.get(e.key()), e.key(), word(e.value(), lines), e, lines));
      }
      if (!e.section().equals("Container")) continue;
      container = true;
      String key = e.key();
      MappedText value = e.value();
      Span keySpan = lines.span(e.keyStart(), e.keyStart() + key.length());
      if (declared == null) declared = keySpan;
      if (value.text().isEmpty()) continue;
      result.texts().add(new SourceText(value, lines));
      if (key.equals("Rootfs")) rootfs = true;
      if (key.equals("Image")) {
        args.image = word(value, lines);
        declared = keySpan;
      } else if (ONE.containsKey(key)) {
        // AddDevice=-/dev/x: added only if it exists, still a host device
        MappedText v =
            key.equals("AddDevice") && value.text().startsWith("-")
                ? value.sub(1, value.length())
                : value;
        args.options.add(option(ONE.get(key), key, word(v, lines), e, lines));
      } else if (LISTS.containsKey(key)) {
        for (Word w : words(value, lines, result))
          args.options.add(option(LISTS.get(key), key, w, e, lines));
      } else if (SECURITY.containsKey(key)) {
        Word w =
            synthetic(
                SECURITY.get(key) + value.text(),
                value.originalOffset(0),
                value.originalEnd(0, value.length()),
                lines);
        args.options.add(option("security-opt", key, w, e, lines));
      } else if (BOOLS.containsKey(key)) {
        String flag = BOOLS.get(key);
        boolean on = isTrue(value.text());
        int end = value.originalEnd(0, value.length());
        if (flag.startsWith("security-opt ")) {
          if (on)
            args.options.add(
                option(
                    "security-opt",
                    key,
                    synthetic(flag.substring(13), e.keyStart(), end, lines),
                    e,
                    lines));
        } else {
          Word w = synthetic(on ? "true" : "false", e.keyStart(), end, lines);
          args.options.add(option(flag, key, w, e, lines));
        }
      } else if (key.equals("PodmanArgs")) {
        RunArgs given = RunArgs.parse(words(value, lines, result), RunArgs.Tool.PODMAN, NONE);
        args.options.addAll(given.options);
        if (args.hiddenOptions == null) args.hiddenOptions = given.hiddenOptions;
      }
    }
    if (args.image == null && !rootfs) {
      // Quadlet refuses such a unit: said, not skipped silently
      Span at = declared != null ? declared : lines.span(0, 0);
      result
          .problems()
          .add(
              new ParseProblem(
                  at,
                  container
                      ? "a Quadlet container unit needs Image= (or Rootfs=) in [Container]"
                      : "a Quadlet container unit needs a [Container] section with Image="));
      if (!container) return result;
    }
    String name =
        shown == null
            ? "quadlet container"
            : "quadlet " + shown.substring(shown.lastIndexOf('/') + 1);
    ContainerSpec spec = RunContainer.of(name, declared, args, NONE);
    result.problems().addAll(RunContainer.problems(spec));
    result.containers().add(spec);
    return result;
  }

  /** systemd's booleans: 1, yes, true, on. */
  static boolean isTrue(String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "1", "yes", "y", "true", "t", "on" -> true;
      default -> false;
    };
  }

  private static RunArgs.Option option(
      String name, String key, Word w, UnitFile.Entry e, LineIndex lines) {
    Span entry = lines.span(e.keyStart(), e.value().originalEnd(0, e.value().length()));
    return new RunArgs.Option(
        name, key, RunValue.of(w, 0, w.value().length(), NONE), w.span(), entry);
  }

  /** A list value split into words as a shell splits them (quotes removed, each character at its offset). */
  private static List<Word> words(MappedText value, LineIndex lines, RunLineReader.Result result) {
    ShellScript script = ShellParser.parse(value, lines);
    for (ShellProblem p : script.problems())
      result.problems().add(new ParseProblem(p.span(), p.message(), p.skipped()));
    List<Word> out = new ArrayList<>();
    for (ShellCommand c : script.commands()) {
      out.addAll(c.assignments());
      out.addAll(c.words());
    }
    return out;
  }

  /** A value as one word; a {@code $VAR} or {@code %} specifier in it is unresolved. */
  private static Word word(MappedText value, LineIndex lines) {
    Span span = value.span(lines, 0, value.length());
    String v = value.text();
    WordPart.Kind kind = v.indexOf('$') >= 0 ? WordPart.Kind.PARAMETER : WordPart.Kind.LITERAL;
    return new Word(v, span, value, List.of(new WordPart(kind, v, v, false, span)), lines);
  }

  /** Text that a key stands for ({@code label=disable}), spanning [from, to) of the file. */
  private static Word synthetic(String s, int from, int to, LineIndex lines) {
    MappedText.Builder b = new MappedText.Builder(s.length());
    for (int k = 0; k < s.length(); k++)
      b.append(s.charAt(k), k == s.length() - 1 ? Math.max(from, to - 1) : from);
    return word(b.build(to), lines);
  }
}
