package dev.hardock.engine;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ImageUse;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceText;
import dev.hardock.model.dockerfile.FromReference;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Walks a Dockerfile's model once, handing each node to every rule. */
final class DockerfileWalk {
  private DockerfileWalk() {}

  static void walk(ImageBuild build, List<Rule> rules) {
    for (Rule r : rules) r.check(build);
    Map<Instruction, Stage> stageOf = new IdentityHashMap<>();
    for (Stage s : build.stages()) {
      for (Rule r : rules) r.check(s, build);
      stageOf.put(s.from(), s);
      for (Instruction i : s.instructions()) stageOf.put(i, s);
    }
    // the images each instruction pulls, as the reader resolved them against the stages
    Map<Instruction, List<ImageUse>> images = new IdentityHashMap<>();
    for (FromReference f : build.references()) {
      if (f.image() != null) images.computeIfAbsent(f.at(), k -> new ArrayList<>(1)).add(f.image());
    }
    for (Instruction i : build.instructions()) {
      Stage stage = stageOf.get(i);
      visit(i, stage, build, rules, images);
      if (i instanceof Instruction.Onbuild o && o.trigger() != null)
        visit(o.trigger(), stage, build, rules, images);
    }
    for (Rule r : rules) r.finish();
  }

  private static void visit(
      Instruction i,
      Stage stage,
      ImageBuild build,
      List<Rule> rules,
      Map<Instruction, List<ImageUse>> images) {
    for (Rule r : rules) r.check(i, stage, build);
    for (ImageUse use : images.getOrDefault(i, List.of())) {
      for (Rule r : rules) r.check(use);
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

  private static void commands(
      List<Rule> rules, ShellScript script, Instruction i, Stage stage, ImageBuild build) {
    if (script == null) return;
    for (ShellCommand c : script.commands()) {
      for (Rule r : rules) r.check(c, i, stage, build);
    }
  }

  private static void text(List<Rule> rules, SourceText t) {
    if (t.value().isEmpty()) return;
    for (Rule r : rules) r.check(t);
  }
}
