package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.rule.Findings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The work of an evaluation (characters compared, searched and measured) is charged to a budget
 * ({@link CelExpressions#MAX_WORK}) by both evaluators alike: a reviewer's 631-character rule doubled "a" twenty
 * times (within the budget of what is built), then searched a 1 M text for a 512 K needle at each of thousands
 * of iterations, more than five minutes on a one-line Dockerfile. Counted, never timed.
 */
class CelWorkTest {
  /** "a" doubled {@code times} times, as a one-element list. */
  private static String doubled(int times) {
    StringBuilder e = new StringBuilder("[\"a\"]");
    for (int i = 0; i < times; i++) e.append(".map(a, a + a)");
    return e.toString();
  }

  /** Ten to the {@code depth}-th iterations around {@code body}. */
  private static String nested(int depth, String body) {
    String ten = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]";
    String e = body;
    for (int i = depth; i > 0; i--) e = ten + ".all(i" + i + ", " + e + ")";
    return e;
  }

  /**
   * h: 512 K "a"; t = h + h (1 M); q = h + "b": a needle String.contains searches for at each of the 1 M offsets,
   * comparing up to 512 K characters at each. 10,000 searches.
   */
  static final String HOSTILE =
      doubled(19)
          + ".exists(h, [h + h].exists(t, [h + \"b\"].exists(q, "
          + nested(4, "!t.contains(q)")
          + ")))";

  private static Map<String, Object> imageVars() {
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("stages", List.of());
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("image", image);
    vars.put("file", Map.of("path", "Dockerfile"));
    return vars;
  }

  private static Map<String, Object> model() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("file", Map.of("path", "Dockerfile", "kind", "dockerfile"));
    model.put("containers", List.of());
    model.put("images", List.of(Map.of("stages", List.of())));
    return model;
  }

  private static CustomRule rule(CustomRule.On on, String when) throws Exception {
    return new CustomRule(
        new dev.hardock.rule.RuleMeta(
            "ACME1", "work", dev.hardock.rule.Severity.ERROR, on.appliesTo(), true),
        new dev.hardock.rule.RuleDoc(Map.of(), ""),
        on,
        CelExpressions.compile(on, when, true),
        List.of("m"),
        List.of(),
        null);
  }

  private static Findings run(CustomRule rule, Map<String, Object> model) {
    Findings out = new Findings("Dockerfile", dev.hardock.model.SourceKind.DOCKERFILE, Map.of());
    CustomRules.run(List.of(rule), model, out);
    return out;
  }

  @Test
  void theReviewersRuleFailsOnItsWorkWithEitherEvaluator() throws Exception {
    assertTrue(HOSTILE.length() < CelExpressions.MAX_LENGTH, HOSTILE);
    for (boolean directly : new boolean[] {true, false}) {
      boolean was = CelExpressions.directly;
      try {
        CelExpressions.directly = directly;
        Findings out = run(rule(CustomRule.On.IMAGE, HOSTILE), model());
        assertEquals(1, out.all().size(), out.all().toString());
        String m = out.all().get(0).message();
        assertTrue(m.contains("could not be evaluated"), m);
        assertTrue(m.contains("exceeds " + CelExpressions.MAX_WORK), m);
        // 40 searches (1 M + 512 K + 1 each) ran; the 41st would have crossed the budget, and none
        // ran after
        assertEquals(40L * 1_572_865, CelExpressions.workSoFar());
      } finally {
        CelExpressions.directly = was;
      }
    }
  }

  /** The plan DirectEval makes of the rule: it gives up there (cel-java then fails), it never answers. */
  @Test
  void directEvalGivesUpWhereCelJavaFails() throws Exception {
    var ast = CelExpressions.check(CustomRule.On.IMAGE, HOSTILE);
    DirectEval.Plan plan = DirectEval.plan(ast, CustomRule.On.IMAGE.variables(), true);
    assertTrue(plan != null, "the rule is planned");
    assertTrue(plan.eval(imageVars()) == DirectEval.BAIL);
  }

  /** Within the budget, the same rule with fewer searches gives CEL's answer, by both. */
  @Test
  void aFewLongSearchesStayWithinTheBudget() throws Exception {
    String rule =
        doubled(19)
            + ".exists(h, [h + h].exists(t, [h + \"b\"].exists(q, "
            + nested(1, "!t.contains(q) && t.contains(h)")
            + ")))";
    for (boolean directly : new boolean[] {true, false}) {
      boolean was = CelExpressions.directly;
      try {
        CelExpressions.directly = directly;
        assertEquals(Boolean.TRUE, rule(CustomRule.On.IMAGE, rule).when().eval(imageVars()));
        // ten searches for q (1 M + 512 K + 1) and ten for h (1 M + 512 K)
        assertEquals(10L * 1_572_865 + 10L * 1_572_864, CelExpressions.workSoFar());
      } finally {
        CelExpressions.directly = was;
      }
    }
  }

  /**
   * Each rule may spend at most {@link CelExpressions#MAX_FILE_WORK} on one file: a rule spending most of an
   * evaluation's budget on each of many nodes fails once the file's budget is spent.
   */
  @Test
  void aRuleSpendingItsBudgetOnEveryNodeStopsAtTheFileCap() throws Exception {
    List<Object> instructions = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) instructions.add(Map.of("keyword", "RUN"));
    Map<String, Object> model = new LinkedHashMap<>(model());
    model.put("images", List.of(Map.of("stages", List.of(Map.of("instructions", instructions)))));
    // 20 searches of 1.5 M each: about 31 M per instruction, within one evaluation's budget
    String when =
        doubled(19)
            + ".exists(h, [h + h].exists(t, [h + \"b\"].exists(q, "
            + "[0, 1].all(j, "
            + nested(1, "!t.contains(q)")
            + "))))";
    for (boolean directly : new boolean[] {true, false}) {
      boolean was = CelExpressions.directly;
      try {
        CelExpressions.directly = directly;
        Findings out = run(rule(CustomRule.On.INSTRUCTION, when), model);
        // findings on the first eight instructions (the same place: one finding), then the ninth
        // crosses
        // the file's budget (8 x 31.5 M of 4 x 64 M spent)
        assertEquals(2, out.all().size(), out.all().toString());
        assertEquals("m", out.all().get(0).message());
        String m = out.all().get(1).message();
        assertTrue(m.contains("could not be evaluated"), m);
        assertTrue(m.contains("exceeds " + CelExpressions.MAX_FILE_WORK), m);
      } finally {
        CelExpressions.directly = was;
      }
    }
  }

  /**
   * What a rule builds counts towards its budget on the file too: a rule that doubles "a" twenty times
   * (2 M characters built, within one evaluation's budget) on each of 300 instructions stops after about 120.
   */
  @Test
  void aRuleBuildingOnEveryNodeStopsAtTheFileCap() throws Exception {
    List<Object> instructions = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) instructions.add(Map.of("keyword", "RUN"));
    Map<String, Object> model = new LinkedHashMap<>(model());
    model.put("images", List.of(Map.of("stages", List.of(Map.of("instructions", instructions)))));
    for (boolean directly : new boolean[] {true, false}) {
      boolean was = CelExpressions.directly;
      try {
        CelExpressions.directly = directly;
        Findings out =
            run(rule(CustomRule.On.INSTRUCTION, doubled(20) + ".exists(h, h != \"\")"), model);
        assertEquals(2, out.all().size(), out.all().toString());
        String m = out.all().get(1).message();
        assertTrue(m.contains("exceeds " + CelExpressions.MAX_FILE_WORK), m);
        assertTrue(m.contains("built"), m);
      } finally {
        CelExpressions.directly = was;
      }
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab/.:-").ofMaxLength(80);
  }

  /** The linear search answers as String.contains, on texts with many partial matches. */
  @Property(tries = 300)
  void containsIsStringContains(@ForAll("texts") String text, @ForAll("texts") String needle) {
    String longNeedle = needle.repeat(1 + 40 / (needle.length() + 1));
    assertEquals(text.contains(needle), CelExpressions.contains(text, needle));
    assertEquals(text.contains(longNeedle), CelExpressions.contains(text, longNeedle));
    String longText = text.repeat(3) + longNeedle + text;
    assertEquals(longText.contains(longNeedle), CelExpressions.contains(longText, longNeedle));
    assertTrue(CelExpressions.contains(longText, longNeedle));
  }

  /**
   * Ordinary calls give CEL's answers as before, each charged what the documentation of
   * {@link CelExpressions#MAX_WORK} says (the text has 22 characters), by cel-java's runtime and by DirectEval.
   */
  @Test
  void ordinaryCallsAreChargedTheirLengths() throws Exception {
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("text", "registry.acme.io/app:1");
    image.put("name", "registry.acme.io/app");
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("image", image);
    container.put("capAdd", List.of("NET_ADMIN", "SYS_TIME"));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("container", container);
    vars.put("file", Map.of("path", "compose.yaml"));
    Object[][] cases = {
      {"container.image.text == \"registry.acme.io/app:1\"", true, 22L},
      {"container.image.text != \"x\"", true, 1L},
      {"container.image.text.startsWith(\"registry.acme.io/\")", true, 17L},
      {"container.image.text.endsWith(\":1\")", true, 2L},
      {"container.image.text.contains(\"acme\")", true, 26L},
      {
        "container.image.text.matches(\"^registry\")",
        true,
        22L * (1 + CelExpressions.programSize("^registry")) + 9
      },
      {"container.image.text.size() == 22", true, 22L},
      {"size(container.image.text) > 3", true, 22L},
      {"container.image.text.lowerAscii() == container.image.text", true, 22L + 22},
      {"container.image.text.upperAscii().startsWith(\"REG\")", true, 22L + 3},
      {"\"NET_ADMIN\" in container.capAdd", true, 2L * 10},
      {"!(\"SYS_ADMIN\" in container.capAdd)", true, 2L * 10},
      {"container.capAdd.exists(c, c == \"SYS_TIME\")", true, 8L + 8},
      {"container.image.text.indexOf(\"/\") == 16", true, 23L * 2},
      {"container.image.name < container.image.text", true, 20L},
      {"double(\"1.5\") > 1.0", true, 3L},
      {"int(string(size(container.image.text))) == 22", true, 22L + 2 + 0},
    };
    for (boolean directly : new boolean[] {true, false}) {
      boolean was = CelExpressions.directly;
      try {
        CelExpressions.directly = directly;
        for (Object[] c : cases) {
          String e = (String) c[0];
          Object v = CelExpressions.compile(CustomRule.On.CONTAINER, e, true).eval(vars);
          assertEquals(c[1], v, e);
          assertEquals(c[2], CelExpressions.workSoFar(), directly + " " + e);
        }
      } finally {
        CelExpressions.directly = was;
      }
    }
  }
}
