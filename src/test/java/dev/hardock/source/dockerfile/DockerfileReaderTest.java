package dev.hardock.source.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.ImageUse;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.dockerfile.FromReference;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.RunMount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions and semantics of the Dockerfile reader on the cases that matter most. */
class DockerfileReaderTest {
  static DockerfileReader.Result read(String text) {
    return DockerfileReader.read(
        SourceFile.of(Path.of("Dockerfile"), "Dockerfile", text, SourceKind.DOCKERFILE));
  }

  static ImageBuild build(String text) {
    DockerfileReader.Result r = read(text);
    assertEquals(List.of(), r.problems());
    return r.build();
  }

  @Test
  void commandInsideAContinuedRunKeepsItsOwnLine() {
    ImageBuild b =
        build(
            "FROM a:1\nRUN set -e; \\\n    apt-get update && \\\n    # comment\n\n    curl -k https://x \\\n      | sh\n");
    Instruction.Run run = (Instruction.Run) b.instructions().get(1);
    List<ShellCommand> cmds = run.command().script().commands();
    ShellCommand curl =
        cmds.stream().filter(c -> "curl".equals(c.nameValue())).findFirst().orElseThrow();
    assertEquals(new Span(6, 5, 6, 9), curl.name().span());
    assertEquals(new Span(6, 10, 6, 12), curl.words().get(1).span());
    assertEquals("sh", curl.pipeTo().nameValue());
    assertEquals(new Span(7, 9, 7, 11), curl.pipeTo().name().span());
    assertEquals(new Span(2, 1, 7, 11), run.span());
  }

  /** RUN --mount as BuildKit reads it: one CSV record (a quoted field keeps its commas), keys without case, a later field winning, bind by default. */
  @Test
  void runMountsAreReadAsBuildKitReadsThem() {
    ImageBuild b =
        build(
            "FROM a:1 AS build\nFROM b:2\n"
                + "RUN --mount=Type=Cache,FROM=build,'\"target=/a,b\"' --mount=from=c:1,ro \\\n  --mount=type=secret,id=t true\n");
    Instruction.Run run = (Instruction.Run) b.instructions().get(2);
    assertEquals(3, run.mounts().size());
    RunMount cache = run.mounts().get(0);
    assertEquals("cache", cache.type());
    assertEquals("build", cache.from().value());
    assertEquals(new Span(3, 29, 3, 34), cache.from().span());
    assertEquals("/a,b", cache.value("target", "dst", "destination").value());
    assertEquals(new Span(3, 44, 3, 48), cache.value("target").span());
    RunMount bind = run.mounts().get(1);
    assertEquals("bind", bind.type());
    assertEquals(new RunMount.Field("ro", null), bind.fields().get(1));
    assertEquals("secret", run.mounts().get(2).type());
    assertEquals(new Span(4, 16, 4, 22), run.mounts().get(2).value("type").span());
    // what each --from and from= names: the stage, or the image
    List<FromReference> refs = b.references();
    assertEquals(
        List.of(
            ImageUse.Where.FROM,
            ImageUse.Where.FROM,
            ImageUse.Where.RUN_MOUNT_FROM,
            ImageUse.Where.RUN_MOUNT_FROM),
        refs.stream().map(FromReference::where).toList());
    assertEquals(b.stages().get(0), refs.get(2).stage());
    assertNull(refs.get(2).image());
    assertEquals("c:1", refs.get(3).image().ref().raw());
    assertEquals(b.stages().get(1), refs.get(3).in());
  }

  /** BuildKit keeps the last value of a repeated mount field: from=alpine,from=build mounts the stage. */
  @Test
  void aRepeatedMountFieldKeepsItsLastValue() {
    ImageBuild b =
        build("FROM a:1 AS build\nFROM b:2\nRUN --mount=from=alpine,from=build,target=/x true\n");
    List<FromReference> mounts =
        b.references().stream().filter(r -> r.where() == ImageUse.Where.RUN_MOUNT_FROM).toList();
    assertEquals(1, mounts.size());
    assertEquals("build", mounts.get(0).written().value());
    assertEquals(new Span(3, 30, 3, 35), mounts.get(0).written().span());
    assertEquals(b.stages().get(0), mounts.get(0).stage());
    assertNull(mounts.get(0).image());
  }

  @Test
  void crlfAndTabsCountAsOneColumn() {
    ImageBuild b = build("FROM a:1\r\nENV\tA=1 \\\r\n\tB=two\r\n");
    Instruction.Env env = (Instruction.Env) b.instructions().get(1);
    assertEquals(new Span(2, 5, 2, 8), env.pairs().get(0).span());
    assertEquals(new Span(3, 4, 3, 7), env.pairs().get(1).value().span());
    assertEquals("two", env.pairs().get(1).value().value());
  }

  @Test
  void heredocBodiesArePositionedAndShellOnesParsed() {
    ImageBuild b =
        build(
            "FROM a:1\nRUN <<EOF\napt-get update\n  curl -k x\nEOF\nRUN python3 <<'PY'\nimport os\nPY\nCOPY <<-X /etc/c\n\tk=v\n\tX\n");
    Instruction.Run run = (Instruction.Run) b.instructions().get(1);
    Heredoc h = run.head().heredocs().get(0);
    assertEquals("EOF", h.name());
    assertTrue(h.expand());
    assertEquals("apt-get update\n  curl -k x\n", h.body().value());
    ShellCommand curl = h.script().commands().get(1);
    assertEquals(new Span(4, 3, 4, 7), curl.name().span());
    Instruction.Run py = (Instruction.Run) b.instructions().get(2);
    assertNull(py.head().heredocs().get(0).script(), "a python heredoc is not a shell script");
    assertTrue(!py.head().heredocs().get(0).expand());
    Instruction.Copy copy = (Instruction.Copy) b.instructions().get(3);
    assertEquals("/etc/c", copy.destination().value());
    assertTrue(copy.head().heredocs().get(0).chomp());
  }

  @Test
  void heredocsAShellReadsAreParsedOthersNot() {
    ImageBuild b =
        build(
            "FROM a:1\nRUN <<A cat && <<B sh\nx\nA\nid -u\nB\nRUN cat <<EOF | sudo bash -s\nid\nEOF\n"
                + "RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN <<EOF\n#!/bin/bash -e\nid\nEOF\nRUN cat <<EOF > /f\nid\nEOF\n");
    List<Heredoc> ab = b.instructions().get(1).head().heredocs();
    assertNull(ab.get(0).script(), "A goes to cat");
    assertEquals(
        new Span(5, 1, 5, 3), ab.get(1).script().commands().get(0).name().span(), "B goes to sh");
    assertEquals(
        "id",
        b.instructions().get(2).head().heredocs().get(0).script().commands().get(0).nameValue());
    assertNull(b.instructions().get(3).head().heredocs().get(0).script(), "#!/usr/bin/env python3");
    assertEquals(
        "id",
        b.instructions().get(4).head().heredocs().get(0).script().commands().get(0).nameValue(),
        "#!/bin/bash");
    assertNull(b.instructions().get(5).head().heredocs().get(0).script(), "written to a file");
  }

  @Test
  void unterminatedQuotesAreReportedOnlyForPosixShells() {
    DockerfileReader.Result r =
        read(
            "FROM a:1\nRUN echo \"hi\nRUN echo ok\nSHELL [\"pwsh\", \"-c\"]\nRUN echo \"x\n"
                + "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN echo it's\n");
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(new Span(2, 10, 2, 11), r.problems().get(0).span());
    assertEquals(4, r.build().stages().get(0).instructions().size(), "the rest is read");
  }

  @Test
  void backtickEscapeDirective() {
    ImageBuild b =
        build(
            "# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\nRUN dir C:\\ `\n    && echo done\n");
    Instruction.Run run = (Instruction.Run) b.instructions().get(1);
    assertEquals("dir C:\\     && echo done", run.command().shell().value());
  }

  @Test
  void execFormElementsKeepTheirPositions() {
    ImageBuild b = build("FROM a:1\nCMD [\"node\", \"server.js\"]\n");
    Instruction.Cmd cmd = (Instruction.Cmd) b.instructions().get(1);
    assertTrue(cmd.command().exec());
    assertEquals(
        new Span(2, 14, 2, 25),
        cmd.command().args().get(1).span(),
        "the string literal, quotes included");
  }

  @Test
  void flagsAndFromAliasAndVariables() {
    ImageBuild b =
        build(
            "ARG REG=docker.io\nARG V=3.20\nFROM --platform=$BUILDPLATFORM ${REG}/alpine:${V} as Build\nARG V\nENV P=/opt/${V}\nWORKDIR $P\n");
    Instruction.From from = b.stages().get(0).from();
    assertEquals("platform", from.flags().get(0).name());
    assertEquals(new Span(3, 17, 3, 31), from.flags().get(0).value().span());
    assertEquals("docker.io/alpine:3.20", from.ref().expanded());
    assertEquals("Build", b.stages().get(0).name());
    Instruction.Workdir w = (Instruction.Workdir) b.instructions().get(5);
    assertEquals("/opt/3.20", b.variables().expand(w.path().value(), w));
  }

  @Test
  void stageInheritanceLinksParents() {
    ImageBuild b = build("FROM a:1 AS base\nENV X=1\nFROM base AS mid\nFROM BASE\nFROM other:2\n");
    assertEquals(b.stages().get(0), b.stages().get(1).parent());
    assertEquals(b.stages().get(0), b.stages().get(2).parent(), "stage names are case-insensitive");
    assertNull(b.stages().get(3).parent());
  }

  @Test
  void errorsAreReportedWhereTheyAreAndReadingGoesOn() {
    DockerfileReader.Result r = read("FROM a:1\nRUNN echo x\nCOPY onlyone\nUSER app\n");
    assertEquals(2, r.problems().size(), r.problems().toString());
    assertEquals(new Span(2, 1, 2, 5), r.problems().get(0).span());
    assertEquals("unknown instruction RUNN (did you mean RUN?)", r.problems().get(0).message());
    assertTrue(r.problems().get(1).message().startsWith("COPY requires at least two arguments"));
    assertTrue(r.build().instructions().stream().anyMatch(i -> i instanceof Instruction.User));
  }

  @Test
  void aMistypedInstructionGetsTheClosestNameTheSameOnEveryRun() {
    // "end" is 1 edit from ENV and 2 from ADD, AND and others: a Set's iteration order once picked
    // either
    assertEquals(
        "unknown instruction end (did you mean ENV?)",
        read("FROM a:1\nend\n").problems().get(0).message());
    assertEquals(
        "unknown instruction COPYY (did you mean COPY?)",
        read("FROM a:1\nCOPYY a b\n").problems().get(0).message());
    assertEquals(
        "unknown instruction XYZZYQ", read("FROM a:1\nXYZZYQ a\n").problems().get(0).message());
  }

  @Test
  void aMalformedFromStillStartsAStage() {
    DockerfileReader.Result r = read("FROM alpine:3 as\nRUN sudo ls\nUSER a\n");
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(1, r.build().stages().size());
    assertEquals(2, r.build().stages().get(0).instructions().size());
  }
}
