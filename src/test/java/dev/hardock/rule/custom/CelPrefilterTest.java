package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompilerFactory;
import dev.hardock.engine.Config;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Findings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The prefilter of conditions ({@link CelExpressions.Guard}): which conditions have a guard, and the findings
 * are the same with it and without it, over the Dockerfiles of the corpus and over random models.
 */
class CelPrefilterTest {
  private static List<CelExpressions.Guard> guards(String expression) throws Exception {
    var b =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS);
    for (String v : CustomRule.On.INSTRUCTION.variables())
      b.addVar(v, MapType.create(SimpleType.STRING, SimpleType.DYN));
    CelAbstractSyntaxTree ast = b.build().compile(expression).getAst();
    return CelExpressions.guards(ast.getExpr());
  }

  @Test
  void aConjunctComparingAFieldWithStringsIsAGuard() throws Exception {
    assertEquals(
        List.of(new CelExpressions.Guard("instruction", "keyword", Set.of("ADD"))),
        guards("instruction.keyword == 'ADD' && instruction.sources.size() > 0"));
    assertEquals(
        List.of(new CelExpressions.Guard("instruction", "keyword", Set.of("ADD"))),
        guards("'ADD' == instruction.keyword"));
    assertEquals(
        List.of(new CelExpressions.Guard("instruction", "keyword", Set.of("CMD", "ENTRYPOINT"))),
        guards("has(instruction.form) && instruction.keyword in ['CMD', 'ENTRYPOINT']"));
    assertEquals(
        List.of(
            new CelExpressions.Guard("stage", "name", Set.of("build")),
            new CelExpressions.Guard("instruction", "keyword", Set.of("RUN"))),
        guards("(stage.name == 'build' && true) && instruction.keyword == 'RUN'"));
  }

  @Test
  void anythingElseIsNone() throws Exception {
    for (String e :
        List.of(
            "instruction.keyword == 'ADD' || instruction.keyword == 'COPY'",
            "!(instruction.keyword == 'ADD')",
            "instruction.keyword != 'ADD'",
            "has(instruction.keyword)",
            "instruction.keyword == stage.name",
            "instruction.keyword in stage.names",
            "instruction.keyword in ['ADD', stage.name]",
            "instruction.keyword == 1",
            "instruction.commands.exists(c, c.name == 'curl')",
            "instruction.keyword.startsWith('A')",
            "instruction.keyword == 'ADD' ? true : false")) assertTrue(guards(e).isEmpty(), e);
  }

  static List<CustomRule> rules() throws Exception {
    StringBuilder yaml =
        new StringBuilder(Files.readString(Path.of("bench/fixtures/custom-rules-20.yaml")));
    yaml.append(
        """
          - {id: PRE1, slug: p-one, on: instruction, when: 'instruction.keyword == "RUN" && instruction.flags.size() > 0', message: 'x'}
          - {id: PRE2, slug: p-two, on: instruction, when: 'instruction.args.size() > 1000 && instruction.keyword in ["RUN", "CMD"]', message: 'x'}
          - {id: PRE3, slug: p-three, on: instruction, when: 'instruction.keyword == "FROM" && dyn(instruction).nothing == 1', message: 'x'}
          - {id: PRE4, slug: p-four, on: stage, when: 'stage.base.registry == "docker.io" && stage.instructions.size() > 3', message: 'x'}
        """);
    for (String block : CustomRulesDocTest.policies().values())
      yaml.append(block.replaceFirst("custom-rules:\\n", ""));
    Path f = Files.createTempFile("hardock-prefilter", ".yaml");
    try {
      Files.writeString(f, yaml.toString());
      return Config.load(f).rules().custom();
    } finally {
      Files.deleteIfExists(f);
    }
  }

  /** The findings of {@code rules} over {@code model}: rule, span and message each. */
  static List<String> findings(List<CustomRule> rules, Map<String, Object> model) {
    Findings out = new Findings("f", SourceKind.DOCKERFILE, Map.of());
    CustomRules.run(rules, model, out);
    List<String> all = new ArrayList<>();
    for (Finding f : out.all()) all.add(f.rule().id() + " " + f.span() + " " + f.message());
    return all;
  }

  private static List<String> withAndWithout(List<CustomRule> rules, Map<String, Object> model) {
    boolean was = CelExpressions.prefilter;
    try {
      CelExpressions.prefilter = true;
      List<String> with = findings(rules, model);
      CelExpressions.prefilter = false;
      assertEquals(findings(rules, model), with);
      return with;
    } finally {
      CelExpressions.prefilter = was;
    }
  }

  @Test
  void theFindingsOverTheCorpusAreTheSameWithoutIt() throws Exception {
    List<CustomRule> rules = rules();
    Linter linter = new Linter(LintSettings.DEFAULT);
    int files = 0;
    int found = 0;
    try (Stream<Path> s = Files.walk(Path.of("../shared/corpus/dockerfiles"))) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
        if (files++ % 7 != 0) continue; // a seventh of the corpus: ~500 files
        Map<String, Object> model =
            linter.model(new Target(p, p.toString(), SourceKind.DOCKERFILE), null);
        found += withAndWithout(rules, model).size();
      }
    }
    assertTrue(found > 1000, "findings: " + found);
  }

  @Property(tries = 200)
  void theFindingsOverRandomModelsAreTheSameWithoutIt(@ForAll("model") Map<String, Object> model)
      throws Exception {
    withAndWithout(rules(), model);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Map<String, Object>> model() {
    return new CustomRulesProperties().model();
  }

  @Test
  void aGuardedRuleIsNotEvaluatedOnOtherNodes() throws Exception {
    CustomRule.Expression e =
        CelExpressions.compile(
            CustomRule.On.INSTRUCTION,
            "instruction.keyword == 'ADD' && dyn(instruction).nothing",
            true);
    Map<String, Object> run = Map.of("keyword", "RUN");
    Map<String, Object> vars =
        Map.of("instruction", run, "stage", Map.of(), "image", Map.of(), "file", Map.of());
    assertEquals(false, e.eval(vars));
    // and where the field is absent (or not a string), the condition is evaluated as written
    Map<String, Object> odd = Map.of("args", "x");
    Map<String, Object> oddVars =
        Map.of("instruction", odd, "stage", Map.of(), "image", Map.of(), "file", Map.of());
    assertFalse(
        org.junit.jupiter.api.Assertions.assertThrows(
                CustomRule.Failed.class, () -> e.eval(oddVars))
            .getMessage()
            .isEmpty());
  }
}
