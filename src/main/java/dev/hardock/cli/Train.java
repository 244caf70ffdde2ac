package dev.hardock.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The training run of the launcher's JVM cache ({@code ./hardock}: AppCDS on Java 17-24, the AOT cache on
 * Java 25+): lints built-in samples of the common kinds (a Dockerfile, a compose file, a script) through the
 * whole command line, as a pre-commit run would, so that the cache holds the classes (and, on Java 25, the
 * linked call sites) of the real lint path whatever command happened to run first. Reads no configuration,
 * writes nothing: the samples come through stdin under a name in a folder that does not exist, the files read
 * from disk are the JDK's {@code release} and {@code lib/jvm.cfg}, and the reports go nowhere.
 *
 * <p>What is trained is what the cache holds, and on Java 25 every class in it is loaded and linked at every
 * start-up, used or not: rarely used paths (daemon.json, the JSON and SARIF reports of CI, the language
 * server; custom rules except on Java 17-24, see {@link #customRules}) are left out, so that the one-Dockerfile run of a pre-commit hook starts on fewer classes
 * and the bundle stays small; they load from the jar when used.
 */
public final class Train {
  private Train() {}

  /** Names under which the samples are linted: nothing is read there. */
  private static final String DIR = "/nonexistent-hardock-training/";

  static final String DOCKERFILE =
      """
      # syntax=docker/dockerfile:1
      ARG BASE=debian:12
      FROM ${BASE} AS build
      ENV APP_HOME=/app \\
          PATH=/app/bin:$PATH
      WORKDIR $APP_HOME
      RUN apt-get update && apt-get install -y curl ca-certificates \\
       && rm -rf /var/lib/apt/lists/*
      RUN curl -fsSL https://example.com/install.sh | sh -s -- --prefix "$APP_HOME" > /tmp/log 2>&1 || true
      RUN <<EOF
      set -e
      for f in a b; do echo "$f" >> /tmp/list; done
      if [ -n "$(cat /tmp/list)" ]; then sudo chmod 777 /tmp/list; fi
      EOF
      COPY --chown=app:app . /app/
      ADD https://example.com/tool.tar.gz /opt/
      FROM node:latest
      LABEL maintainer="dev@example.com"
      COPY --from=build /app /app
      USER root
      EXPOSE 22 8080/tcp
      HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
      ENTRYPOINT ["/app/bin/start"]
      CMD ["--port", "8080"]
      """;

  static final String COMPOSE =
      """
      services:
        web:
          image: nginx:latest
          privileged: true
          ports:
            - "80:80"
            - 127.0.0.1:8443:443
          volumes:
            - /var/run/docker.sock:/var/run/docker.sock
            - ./data:/data:ro
          environment:
            DB_PASSWORD: hunter2hunter2
          cap_add: [NET_ADMIN]
          deploy:
            resources:
              limits: {memory: 512m}
        worker:
          build:
            context: .
            args:
              TOKEN: abc
          network_mode: host
      """;

  static final String RUN =
      "#!/bin/sh\ndocker run -d --privileged -v /:/host -p 80:80 --name web nginx:1.27\n";

  public static void main(String[] args) {
    Main.warmUp();
    Main.isTerminal();
    LintRun.env = Map.of(); // no user configuration
    PrintStream nowhere =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    // a file found and read from disk, as Main reads the user's files: one that every JDK has
    String release = java.nio.file.Path.of(System.getProperty("java.home"), "release").toString();
    Main.run(
        new String[] {"--type", "dockerfile", release},
        InputStream.nullInputStream(),
        nowhere,
        nowhere,
        false);
    // two files: the thread pool of a run over several files (pre-commit passes every staged file)
    String cfg =
        java.nio.file.Path.of(System.getProperty("java.home"), "lib", "jvm.cfg").toString();
    Main.run(
        new String[] {"--type", "dockerfile", "--jobs", "2", release, cfg},
        InputStream.nullInputStream(),
        nowhere,
        nowhere,
        false);
    for (String[] sample :
        new String[][] {
          {"Dockerfile", DOCKERFILE},
          {"compose.yaml", COMPOSE},
          {"run.sh", RUN}
        }) {
      byte[] bytes = sample[1].getBytes(StandardCharsets.UTF_8);
      Main.run(
          new String[] {"--stdin-filename", DIR + sample[0], "-"},
          new ByteArrayInputStream(bytes),
          nowhere,
          nowhere,
          false);
    }
    if (Runtime.version().feature() < 25) customRules();
    System.exit(0);
  }

  /**
   * A configuration with custom rules (read from memory, compiled beside the lint) over the Dockerfile sample, as
   * a run with custom rules goes: the configuration's reader, the compilation's thread, the view of the file
   * custom rules read. Whether the rules found what they should.
   */
  static boolean customRulesRun() {
    String yaml =
        """
        custom-rules:
          - {id: TRAIN001, slug: t-user, on: image, when: '!has(image.user) || image.user == "root" || image.user.startsWith("0")', message: 'user {{image.user}}', at: image.user}
          - {id: TRAIN002, slug: t-run, on: instruction, when: 'instruction.keyword == "RUN" && instruction.commands.exists(c, c.name == "curl") && instruction.commands.filter(c, c.name.matches("^cu")).size() > 0', message: 'curl', at: instruction.commands}
          - {id: TRAIN003, slug: t-stage, on: stage, when: 'has(stage.base.tag) && stage.instructions.size() > 1', message: 'stage {{stage.base.text}}'}
        rules:
          TRAIN003: off
        """;
    try {
      dev.hardock.engine.Config c =
          dev.hardock.engine.Config.parse(java.nio.file.Path.of(DIR + ".hardock.yaml"), yaml);
      dev.hardock.engine.FileResult r =
          new dev.hardock.engine.Linter(c.settings(java.util.Set.of(), java.util.Set.of()))
              .lint(
                  new dev.hardock.engine.Target(
                      java.nio.file.Path.of(DIR + "Dockerfile"),
                      DIR + "Dockerfile",
                      dev.hardock.model.SourceKind.DOCKERFILE),
                  DOCKERFILE.getBytes(StandardCharsets.UTF_8));
      c.ready();
      return r.findings().stream().anyMatch(f -> f.rule().id().equals("TRAIN002"));
    } catch (dev.hardock.engine.Config.Invalid | RuntimeException e) {
      return false;
    }
  }

  /**
   * Java 17-24 only: compiles and runs a custom rule of each kind, so that the AppCDS archive holds CEL's
   * classes (its parser, checker and planner runtime, Guava's and protobuf's, the model's types): a run with
   * custom rules then maps them from the archive instead of loading and verifying about 1,500 classes from
   * the jar (one Dockerfile with 20 custom rules: about 1.3 s of CPU without, 0.5 s with). AppCDS loads an
   * archived class only when it is used, so a plain run does not pay for them; Java 25's AOT cache loads every
   * class it holds at start-up, so there they stay out.
   */
  static boolean customRules() {
    // the planned paths (DirectEval, the lazy view) go through a configuration in customRulesRun
    Map<String, Object> span = Map.of("line", 1L, "column", 1L, "endLine", 1L, "endColumn", 2L);
    Map<String, Object> image = Map.of("name", "nginx", "text", "nginx:1.27", "span", span);
    Map<String, Object> container =
        Map.of("image", image, "privileged", true, "capAdd", java.util.List.of(), "span", span);
    Map<String, Object> file = Map.of("path", "compose.yaml", "kind", "compose");
    try {
      // an expression DirectEval does not plan (substring): cel-java's runtime evaluates it, so
      // that its classes are archived too for the rules that need it
      Object c =
          dev.hardock.rule.custom.CustomRule.compile(
                  dev.hardock.rule.custom.CustomRule.On.CONTAINER,
                  "container.image.name.substring(0, 2) == \"ng\" && container.privileged",
                  true)
              .eval(Map.of("container", container, "file", file));
      // the form in which ./hardock keeps checked expressions between runs, read back as a run
      // that finds them kept reads them
      boolean kept =
          dev.hardock.rule.custom.CustomRule.keptFormReadsBack(
              dev.hardock.rule.custom.CustomRule.On.STAGE,
              "has(stage.base.tag) && stage.instructions.exists(i, i.keyword in [\"RUN\", \"ADD\"])");
      return Boolean.TRUE.equals(c) && kept && customRulesRun();
    } catch (dev.hardock.rule.custom.CustomRule.CompileError
        | dev.hardock.rule.custom.CustomRule.Failed
        | RuntimeException e) {
      // a training run never fails: what it did not load loads from the jar when used
      return false;
    }
  }
}
