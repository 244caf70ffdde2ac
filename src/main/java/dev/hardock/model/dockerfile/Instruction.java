package dev.hardock.model.dockerfile;

import dev.hardock.model.ImageRef;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import java.util.List;

/** One Dockerfile instruction. Every variant carries the parts all instructions share in {@link Head}. */
public sealed interface Instruction {
  /**
   * @param keyword the instruction name in upper case
   * @param args everything after the keyword (flags included), continuations removed
   */
  record Head(
      String keyword,
      Span keywordSpan,
      Span span,
      List<Flag> flags,
      SourceText args,
      List<Heredoc> heredocs) {}

  Head head();

  default String keyword() {
    return head().keyword();
  }

  default Span span() {
    return head().span();
  }

  default List<Flag> flags() {
    return head().flags();
  }

  /** The first flag of that name, or null. */
  default Flag flag(String name) {
    for (Flag f : head().flags()) if (f.name().equals(name)) return f;
    return null;
  }

  record From(Head head, Text image, ImageRef ref, Text alias) implements Instruction {}

  /** RUN: its command, and its {@code --mount} flags as BuildKit reads them. */
  record Run(Head head, CommandForm command, List<RunMount> mounts) implements Instruction {}

  record Cmd(Head head, CommandForm command) implements Instruction {}

  record Entrypoint(Head head, CommandForm command) implements Instruction {}

  /** HEALTHCHECK: {@code none} for HEALTHCHECK NONE; otherwise {@code command} (null when missing). */
  record Healthcheck(Head head, boolean none, CommandForm command) implements Instruction {}

  /** COPY and ADD (see {@code add}): sources and destination as written. */
  record Copy(Head head, boolean add, List<Text> sources, Text destination)
      implements Instruction {}

  record Env(Head head, List<KeyValue> pairs) implements Instruction {}

  record Label(Head head, List<KeyValue> pairs) implements Instruction {}

  /** ARG declarations; a pair's value is null when no default is given. */
  record Arg(Head head, List<KeyValue> args) implements Instruction {}

  record User(Head head, Text user) implements Instruction {}

  record Workdir(Head head, Text path) implements Instruction {}

  record Expose(Head head, List<Text> ports) implements Instruction {}

  record Volume(Head head, List<Text> paths) implements Instruction {}

  record Shell(Head head, List<Text> shell) implements Instruction {}

  record StopSignal(Head head, Text signal) implements Instruction {}

  record Maintainer(Head head, Text maintainer) implements Instruction {}

  /** ONBUILD with the instruction it defers (null when that instruction could not be read). */
  record Onbuild(Head head, Instruction trigger) implements Instruction {}
}
