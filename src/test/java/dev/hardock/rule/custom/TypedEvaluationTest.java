package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker types each node as a struct (ModelTypes), the values stay the maps and lists ModelView builds:
 * every runtime that may run custom rules must select fields of those maps through struct-typed selects. Each
 * expression here is checked by the real compiler and evaluated over a real model (a compose file, a
 * Dockerfile, a daemon.json through the reader and ModelView) by the runtime hardock runs, by cel-java's
 * legacy (standard) runtime and by its planner runtime, with the same result.
 */
class TypedEvaluationTest {
  @TempDir Path dir;

  private static final List<CelRuntime> RUNTIMES =
      List.of(
          CelRuntimeFactory.standardCelRuntimeBuilder()
              .addLibraries(CelExtensions.strings(CelExpressions.Strings.SAFE))
              .build(),
          CelRuntimeFactory.plannerRuntimeBuilder()
              .addLibraries(CelExtensions.strings(CelExpressions.Strings.SAFE))
              .build());

  private Map<String, Object> model(String name, SourceKind kind, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return new Linter(LintSettings.DEFAULT).model(new Target(f, name, kind), null);
  }

  private static void evaluates(
      CustomRule.On on, Map<String, Object> vars, String text, Object expected) throws Exception {
    CelAbstractSyntaxTree ast = CelExpressions.check(on, text);
    assertEquals(expected, CustomRule.compile(on, text, false).eval(vars), "hardock: " + text);
    for (CelRuntime r : RUNTIMES)
      assertEquals(
          expected, r.createProgram(ast).eval(vars), r.getClass().getSimpleName() + ": " + text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(Object list, int i) {
    return (Map<String, Object>) ((List<Object>) list).get(i);
  }

  @Test
  void containerFieldsOfAComposeService() throws Exception {
    Map<String, Object> m =
        model(
            "compose.yaml",
            SourceKind.COMPOSE,
            """
            services:
              web:
                image: registry.acme.io/team/web:1.2
                privileged: true
                user: app
                cap_add: [NET_ADMIN]
                ports: ["80:8080", "9000:9000/udp"]
                volumes: ["./data:/data:ro"]
                environment:
                  A: "1"
            """);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("container", at(m.get("containers"), 0));
    vars.put("file", m.get("file"));
    CustomRule.On on = CustomRule.On.CONTAINER;
    evaluates(on, vars, "container.image.name", "registry.acme.io/team/web");
    evaluates(on, vars, "container.image.tag", "1.2");
    evaluates(on, vars, "container.privileged", true);
    evaluates(on, vars, "has(container.user) && !has(container.memory)", true);
    evaluates(on, vars, "has(container.image.digest)", false);
    evaluates(on, vars, "container.capAdd.exists(c, c == \"NET_ADMIN\")", true);
    evaluates(on, vars, "\"NET_ADMIN\" in container.capAdd", true);
    evaluates(on, vars, "container.capAdd.size()", 1L);
    evaluates(on, vars, "container.ports.size()", 2L);
    evaluates(on, vars, "container.ports.all(p, has(p.hostPort))", true);
    evaluates(
        on, vars, "container.ports.filter(p, p.hostPort < 1024).map(p, p.hostPort)", List.of(80L));
    evaluates(on, vars, "container.ports[1].protocol", "udp");
    evaluates(on, vars, "container.ports.exists_one(p, p.hostPort == 9000)", true);
    evaluates(
        on, vars, "container.mounts[0].readOnly && container.mounts[0].target == \"/data\"", true);
    evaluates(on, vars, "container.env.exists(e, e.name == \"A\" && e.value == \"1\")", true);
    evaluates(on, vars, "container.image.span.line", 3L);
    evaluates(on, vars, "container.spans.user.line", 5L);
    evaluates(on, vars, "container.image == container.image", true);
    evaluates(on, vars, "file.path + \":\" + file.kind", "compose.yaml:compose");
    evaluates(on, vars, "container.user.upperAscii()", "APP");
    evaluates(on, vars, "dyn(container).user", "app");
  }

  @Test
  void imageStageAndInstructionFieldsOfADockerfile() throws Exception {
    Map<String, Object> m =
        model(
            "Dockerfile",
            SourceKind.DOCKERFILE,
            """
            FROM alpine:3.20 AS build
            RUN apk add curl && curl -o /x https://example.org/x
            FROM build
            LABEL org.opencontainers.image.source=https://example.org/src
            ENV A=1
            USER app
            ONBUILD RUN echo hi
            HEALTHCHECK NONE
            """);
    Map<String, Object> image = at(m.get("images"), 0);
    Map<String, Object> first = at(image.get("stages"), 0);
    Map<String, Object> second = at(image.get("stages"), 1);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("file", m.get("file"));
    vars.put("image", image);
    vars.put("stage", first);
    vars.put("instruction", at(first.get("instructions"), 1));
    CustomRule.On on = CustomRule.On.INSTRUCTION;
    evaluates(on, vars, "instruction.keyword", "RUN");
    evaluates(on, vars, "instruction.commands.map(c, c.name)", List.of("apk", "curl"));
    evaluates(
        on, vars, "instruction.commands.exists(c, c.name == \"curl\" && \"-o\" in c.args)", true);
    evaluates(on, vars, "has(instruction.sources) || has(instruction.image)", false);
    evaluates(on, vars, "instruction.form", "shell");
    evaluates(on, vars, "stage.base.name + \":\" + stage.base.tag", "alpine:3.20");
    evaluates(on, vars, "stage.name == \"build\" && !stage.final", true);
    evaluates(on, vars, "image.user", "app");
    evaluates(on, vars, "image.healthcheck.none", true);
    evaluates(on, vars, "image.stages.size()", 2L);
    evaluates(
        on, vars, "image.labels.exists(l, l.key == \"org.opencontainers.image.source\")", true);
    vars.put("stage", second);
    evaluates(on, vars, "stage.parentStage", 0L);
    evaluates(
        on,
        vars,
        "stage.instructions.filter(i, i.keyword == \"ENV\")[0].pairs.exists(p, p.name == \"A\" && p.value == \"1\")",
        true);
    evaluates(
        on,
        vars,
        "stage.instructions.filter(i, i.keyword == \"LABEL\")[0].pairs.map(p, p.key)",
        List.of("org.opencontainers.image.source"));
    evaluates(
        on,
        vars,
        "stage.instructions.exists(i, has(i.trigger) && i.trigger.keyword == \"RUN\")",
        true);
    evaluates(on, vars, "stage.instructions.all(i, i.flags.all(f, has(f.name)))", true);
  }

  @Test
  void daemonSettingsStayAMapOfAnyValue() throws Exception {
    Map<String, Object> m =
        model(
            "daemon.json",
            SourceKind.DAEMON,
            "{\"log-driver\": \"journald\", \"icc\": false, \"max-concurrent-downloads\": 3}\n");
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("daemon", m.get("daemon"));
    vars.put("file", m.get("file"));
    CustomRule.On on = CustomRule.On.DAEMON;
    evaluates(on, vars, "daemon.settings[\"log-driver\"]", "journald");
    evaluates(on, vars, "\"icc\" in daemon.settings && daemon.settings.icc == false", true);
    evaluates(on, vars, "daemon.settings[\"max-concurrent-downloads\"] + 1", 4L);
    evaluates(on, vars, "daemon.spans[\"log-driver\"].line", 1L);
  }
}
