package dev.hardock.engine;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.dockerfile.Flag;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Walks a Dockerfile's model once, handing each node to every rule. */
final class DockerfileWalk {
  private DockerfileWalk() { }

  static void walk(ImageBuild build, List<Rule> rules) {
    for (Rule r : rules) r.check(build);
    Map<Instruction, Stage> stageOf = new IdentityHashMap<>();
    Set<String> stageNames = new HashSet<>();
    for (Stage s : build.stages()) {
      for (Rule r : rules) r.check(s, build);
      stageOf.put(s.from(), s);
      for (Instruction i : s.instructions()) stageOf.put(i, s);
      if (s.name() != null) stageNames.add(s.name().toLowerCase(Locale.ROOT));
    }
    Set<String> earlier = new HashSet<>();
    for (Instruction i : build.instructions()) {
      Stage stage = stageOf.get(i);
      visit(i, stage, build, rules, earlier, stageNames);
      if (i instanceof Instruction.Onbuild o && o.trigger() != null) {
        visit(o.trigger(), stage, build, rules, earlier, stageNames);
      }
      if (i instanceof Instruction.From f && f.alias() != null) earlier.add(f.alias().value().toLowerCase(Locale.ROOT));
    }
    for (Rule r : rules) r.finish();
  }

  private static void visit(Instruction i, Stage stage, ImageBuild build, List<Rule> rules, Set<String> earlierStages,
      Set<String> allStages) {
    for (Rule r : rules) r.check(i, stage, build);
    if (i instanceof Instruction.From f && f.ref() != null) {
      String name = f.ref().expanded();
      boolean isStage = name != null && earlierStages.contains(name.toLowerCase(Locale.ROOT));
      if (!isStage && !f.ref().isScratch()) image(rules, new ImageUse(f.ref(), f.image().span(), "FROM"));
    }
    Flag from = i.flag("from");
    if (from != null && from.value() != null && (i instanceof Instruction.Copy)) {
      imageFlag(rules, build, i, from.value().value(), from.value().span(), allStages, "COPY --from");
    }
    for (Flag f : i.flags()) {
      if (!f.name().equals("mount") || f.value() == null) continue;
      String v = f.value().value();
      int offset = 0;
      for (String part : v.split(",", -1)) {
        if (part.startsWith("from=")) {
          Span span = f.value().span();
          if (span.line() == span.endLine()) {
            int col = span.column() + offset + 5;
            span = span.resized(span.line(), col, span.line(), col + part.length() - 5);
          }
          imageFlag(rules, build, i, part.substring(5), span, allStages, "RUN --mount from");
        }
        offset += part.length() + 1;
      }
    }
    if (i instanceof Instruction.Run run) {
      commands(rules, run.command().script(), i, stage, build);
      for (Heredoc h : i.head().heredocs()) commands(rules, h.script(), i, stage, build);
    }
    if (i instanceof Instruction.Env e) {
      for (KeyValue kv : e.pairs()) {
        EnvVar env = new EnvVar(kv.key(), kv.value(), kv.span(), SourceKind.DOCKERFILE);
        for (Rule r : rules) r.check(env);
      }
    }
    text(rules, i.head().args());
    for (Heredoc h : i.head().heredocs()) text(rules, h.body());
  }

  private static void commands(List<Rule> rules, ShellScript script, Instruction i, Stage stage, ImageBuild build) {
    if (script == null) return;
    for (ShellCommand c : script.commands()) {
      for (Rule r : rules) r.check(c, i, stage, build);
    }
  }

  private static void imageFlag(List<Rule> rules, ImageBuild build, Instruction at, String raw, Span span,
      Set<String> stages, String where) {
    if (raw.isEmpty() || raw.chars().allMatch(Character::isDigit)) return;
    String expanded = build.variables().expand(raw, at);
    String name = expanded == null ? raw : expanded;
    if (stages.contains(name.toLowerCase(Locale.ROOT))) return;
    ImageRef ref = ImageRef.parse(raw, expanded);
    if (ref.isScratch()) return;
    image(rules, new ImageUse(ref, span, where));
  }

  private static void image(List<Rule> rules, ImageUse use) {
    for (Rule r : rules) r.check(use);
  }

  private static void text(List<Rule> rules, SourceText t) {
    if (t.value().isEmpty()) return;
    for (Rule r : rules) r.check(t);
  }
}
