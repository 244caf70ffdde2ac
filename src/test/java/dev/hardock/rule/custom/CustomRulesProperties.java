package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.Config;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Findings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random models never crash an evaluator: the worked policies of docs/custom-rules.md (and rules that reach for
 * fields no node has, through {@code dyn()}, which the type checker lets pass) run over models whose nodes hold any field with any type of value, or lack it. Each rule
 * gives findings, or one "could not be evaluated" finding per file, and never throws.
 */
class CustomRulesProperties {
  private static final List<String> KEYS =
      List.of(
          "image",
          "name",
          "text",
          "registry",
          "digest",
          "tag",
          "user",
          "capAdd",
          "ports",
          "hostPort",
          "memory",
          "cpus",
          "labels",
          "key",
          "value",
          "keyword",
          "sources",
          "stages",
          "instructions",
          "base",
          "parentStage",
          "healthcheck",
          "none",
          "settings",
          "log-driver",
          "span",
          "spans",
          "env",
          "privileged",
          "variables");
  private static volatile List<CustomRule> rules;

  static List<CustomRule> rules() throws Exception {
    if (rules == null) {
      StringBuilder yaml = new StringBuilder("custom-rules:\n");
      for (String block : CustomRulesDocTest.policies().values())
        yaml.append(block.replaceFirst("custom-rules:\\n", ""));
      yaml.append(
          """
              - id: ODD1
                slug: odd-one
                on: container
                when: 'dyn(container).nothing.deeper == 1 || int(container.memory) > 3'
                message: '{{dyn(container).missing}} {{container}}'
              - id: ODD2
                slug: odd-two
                on: instruction
                when: 'instruction.args.size() > 0 && stage.instructions.all(i, i.flags.size() >= 0)'
                message: '{{instruction.flags.map(f, f.name)}}'
                at: 'instruction.flags'
            """);
      Path f = Files.createTempFile("hardock-props", ".yaml");
      try {
        Files.writeString(f, yaml.toString());
        rules = Config.load(f).rules().custom();
      } finally {
        Files.deleteIfExists(f);
      }
    }
    return rules;
  }

  @Provide
  Arbitrary<Object> value() {
    return Arbitraries.recursive(
        () ->
            Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.longs(),
                Arbitraries.of(true, false),
                Arbitraries.of(
                    "registry.acme.io/x", "NET_ADMIN", "ADD", "https://x", "deploy/x", "root")),
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of(KEYS), inner)
                    .ofMaxSize(6)
                    .map(m -> (Object) new LinkedHashMap<>(m))),
        0,
        4);
  }

  @Provide
  Arbitrary<Map<String, Object>> model() {
    Arbitrary<Object> node =
        Arbitraries.maps(Arbitraries.of(KEYS), value())
            .ofMaxSize(8)
            .map(m -> (Object) new LinkedHashMap<>(m));
    Arbitrary<List<Object>> nodes = node.list().ofMaxSize(3);
    return Arbitraries.lazyOf(
        () ->
            Arbitraries.oneOf(
                // nodes shaped as the model has them, with random content
                nodes.map(cs -> root(cs, List.of(), null)),
                Arbitraries.of("deploy/compose.yaml", "prod/Dockerfile", "x")
                    .flatMap(
                        path ->
                            nodes.flatMap(
                                stages ->
                                    nodes.map(
                                        instructions -> {
                                          List<Object> ss = new ArrayList<>();
                                          for (Object s : stages) {
                                            @SuppressWarnings("unchecked")
                                            Map<String, Object> m = (Map<String, Object>) s;
                                            m.put("instructions", instructions);
                                            ss.add(m);
                                          }
                                          Map<String, Object> image = new LinkedHashMap<>();
                                          image.put("stages", ss);
                                          return root(List.of(), List.of(image), path);
                                        }))),
                node.map(d -> root(List.of(), List.of(), null, d))));
  }

  private static Map<String, Object> root(
      List<Object> containers, List<Object> images, String path) {
    return root(containers, images, path, null);
  }

  private static Map<String, Object> root(
      List<Object> containers, List<Object> images, String path, Object daemon) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("file", Map.of("path", path == null ? "compose.yaml" : path, "kind", "compose"));
    r.put("containers", containers);
    r.put("images", images);
    if (daemon != null) r.put("daemon", daemon);
    return r;
  }

  @Property(tries = 300)
  void randomModelsNeverCrashAnEvaluator(@ForAll("model") Map<String, Object> model)
      throws Exception {
    Findings out = new Findings("f", SourceKind.COMPOSE, Map.of());
    CustomRules.run(rules(), model, out); // must not throw
    for (Finding f : out.all()) {
      assertTrue(f.message() != null && !f.message().isEmpty(), f.toString());
      assertTrue(f.rule().id().startsWith("ACME") || f.rule().id().startsWith("ODD"), f.toString());
    }
    // at most one "could not be evaluated" per rule
    Map<String, Integer> failures = new LinkedHashMap<>();
    for (Finding f : out.all())
      if (f.message().contains("could not be evaluated"))
        failures.merge(f.rule().id(), 1, Integer::sum);
    for (Map.Entry<String, Integer> e : failures.entrySet())
      assertTrue(e.getValue() == 1, e.toString());
  }

  @Property(tries = 50)
  void modelsOfRandomTextNeverCrashAnEvaluator(@ForAll("text") String text) throws Exception {
    // the real pipeline: a Dockerfile of random instructions, through the reader and ModelView
    Path dir = Files.createTempDirectory("hardock-props");
    try {
      Path df = dir.resolve("Dockerfile");
      Files.writeString(df, text);
      var target = new dev.hardock.engine.Target(df, "Dockerfile", SourceKind.DOCKERFILE);
      Map<String, Object> model =
          new dev.hardock.engine.Linter(dev.hardock.engine.LintSettings.DEFAULT)
              .model(target, null);
      CustomRules.run(rules(), model, new Findings("Dockerfile", SourceKind.DOCKERFILE, Map.of()));
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Provide
  Arbitrary<String> text() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of(
                "FROM alpine:3",
                "FROM build",
                "FROM scratch AS x",
                "USER 0",
                "USER app",
                "ADD https://x /y",
                "LABEL a=b",
                "HEALTHCHECK NONE",
                "EXPOSE 80",
                "RUN a && b | c",
                "ONBUILD ADD x y",
                "ARG X",
                "FROM ${X}"),
            Arbitraries.strings().ofMaxLength(20));
    return line.list().ofMaxSize(8).map(l -> String.join("\n", l) + "\n");
  }
}
