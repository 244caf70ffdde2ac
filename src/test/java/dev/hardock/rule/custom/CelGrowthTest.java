package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The functions that lengthen strings are not offered: eight nested replace calls exhausted a 5 GB heap. */
class CelGrowthTest {
  @Test
  void replaceJoinAndQuoteAreRefusedWhenTheRuleIsCompiled() {
    for (String e :
        new String[] {
          "container.image.text.replace(\"a\", \"aaaaaaaaaaaaaaaa\").size() > 0",
          "[container.image.text, container.image.text].join(\"x\").size() > 0",
          "strings.quote(container.image.text).size() > 0"
        }) {
      CustomRule.CompileError err =
          assertThrows(
              CustomRule.CompileError.class,
              () -> CelExpressions.compile(CustomRule.On.CONTAINER, e, true),
              e);
      assertTrue(err.getMessage() != null && !err.getMessage().isBlank(), e);
    }
  }

  @Test
  void theFunctionsThatNeverLengthenAStringStayAvailable() throws Exception {
    CelExpressions.compile(
        CustomRule.On.CONTAINER,
        "container.image.text.lowerAscii().upperAscii().trim().split(\"/\").size() > 0"
            + " && container.image.text.substring(0).indexOf(\"a\") >= -1",
        true);
  }

  private static Map<String, Object> container() {
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("text", "registry.acme.io/app:1");
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("image", image);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("container", container);
    vars.put("file", Map.of("path", "compose.yaml"));
    return vars;
  }

  private static String doubled(String start, int times) {
    StringBuilder e = new StringBuilder(start);
    for (int i = 0; i < times; i++) e.append(".map(x, x + x)");
    return e.append(".size() > 0").toString();
  }

  /**
   * + inside a macro, chained: each step doubles a string or a list in one iteration (thirty steps on the
   * image's text filled a 5 GB heap). What an evaluation concatenates is summed and capped: a failure naming
   * the cap, the same rule with a few steps still evaluated.
   */
  @Test
  void concatenationDoubledInMacrosStopsAtTheCap() throws Exception {
    for (String start : new String[] {"[container.image.text]", "[[1, 2]]"}) {
      CustomRule.Expression e =
          CelExpressions.compile(CustomRule.On.CONTAINER, doubled(start, 40), true);
      CustomRule.Failed f = assertThrows(CustomRule.Failed.class, () -> e.eval(container()), start);
      assertTrue(
          f.getMessage().contains(String.valueOf(CelExpressions.MAX_CONCATENATED)), f.getMessage());
      assertEquals(
          true,
          CelExpressions.compile(CustomRule.On.CONTAINER, doubled(start, 4), true)
              .eval(container()));
    }
    assertEquals(
        true,
        CelExpressions.compile(
                CustomRule.On.CONTAINER,
                "container.image.text + \":latest\" == \"registry.acme.io/app:1:latest\""
                    + " && [1] + [2] == [1, 2]",
                true)
            .eval(container()));
  }

  /**
   * CEL's planner copies a map's result list at each step: 2,000 nodes mapped are charged about 2,000,000
   * (under the cap), a real stage's few dozen nothing to speak of.
   */
  @Test
  void aMacroOverALongListIsChargedItsLength() throws Exception {
    java.util.List<Object> instructions = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) instructions.add(Map.of("keyword", "RUN"));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("stage", Map.of("instructions", instructions));
    vars.put("image", Map.of());
    vars.put("file", Map.of());
    assertEquals(
        true,
        CelExpressions.compile(
                CustomRule.On.STAGE, "stage.instructions.map(i, i.keyword).size() == 2000", true)
            .eval(vars));
  }

  /**
   * Lists of lists that share their elements ({@code [x, x]} at each step of a chain of maps): tiny in memory,
   * exponential when walked (CEL's runtime walked each function's result to the bottom: 26 steps took 100 s,
   * and comparing two such lists twice that). Each list + brings in is charged as if nothing were shared.
   */
  @Test
  void listsSharingTheirElementsAreChargedUnshared() throws Exception {
    StringBuilder tree = new StringBuilder("[container.image.text]");
    for (int i = 0; i < 60; i++) tree.append(".map(x, [x, x])");
    boolean was = CelExpressions.directly;
    try {
      CelExpressions.directly = false; // cel-java alone
      for (String e : new String[] {tree + ".size() > 0", tree + " == " + tree}) {
        CustomRule.Expression x = CelExpressions.compile(CustomRule.On.CONTAINER, e, true);
        CustomRule.Failed f = assertThrows(CustomRule.Failed.class, () -> x.eval(container()));
        assertTrue(
            f.getMessage().contains(String.valueOf(CelExpressions.MAX_CONCATENATED)),
            f.getMessage());
      }
    } finally {
      CelExpressions.directly = was;
    }
    // DirectEval builds such lists shared, in time and memory linear in the iterations: it answers
    // the
    // size (one list of two); comparing them it leaves to cel-java, which fails as above
    assertEquals(
        true,
        CelExpressions.compile(CustomRule.On.CONTAINER, tree + ".size() == 1", true)
            .eval(container()));
    CustomRule.Expression same =
        CelExpressions.compile(CustomRule.On.CONTAINER, tree + " == " + tree, true);
    assertThrows(CustomRule.Failed.class, () -> same.eval(container()));
    assertEquals(
        true,
        CelExpressions.compile(
                CustomRule.On.CONTAINER,
                "[container.image.text].map(x, [x, x]).map(x, [x, x])"
                    + " == [[[container.image.text, container.image.text],"
                    + " [container.image.text, container.image.text]]]",
                true)
            .eval(container()));
  }

  /**
   * Each evaluation's iterations are capped, not a rule's over a file: on each of 3,000 instructions, a walk of
   * the stage's instructions reads the model 18,000,000 times (10,000 instructions took three minutes). The
   * reads of one rule on one file are capped: one finding naming the cap, the rule not run further there.
   */
  @Test
  void aRuleWalkingTheStageAtEachInstructionStopsAtTheReadCap() throws Exception {
    java.util.List<Object> instructions = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) instructions.add(Map.of("keyword", "RUN"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("file", Map.of("path", "Dockerfile", "kind", "dockerfile"));
    model.put("containers", java.util.List.of());
    model.put(
        "images",
        java.util.List.of(
            Map.of("stages", java.util.List.of(Map.of("instructions", instructions)))));
    CustomRule rule =
        new CustomRule(
            new dev.hardock.rule.RuleMeta(
                "ACME1",
                "walk",
                dev.hardock.rule.Severity.ERROR,
                CustomRule.On.INSTRUCTION.appliesTo(),
                true),
            new dev.hardock.rule.RuleDoc(Map.of(), ""),
            CustomRule.On.INSTRUCTION,
            CelExpressions.compile(
                CustomRule.On.INSTRUCTION,
                "stage.instructions.exists(i, i.keyword == \"X\")",
                true),
            java.util.List.of("m"),
            java.util.List.of(),
            null);
    dev.hardock.rule.Findings out =
        new dev.hardock.rule.Findings(
            "Dockerfile", dev.hardock.model.SourceKind.DOCKERFILE, Map.of());
    CustomRules.run(java.util.List.of(rule), model, out);
    assertEquals(1, out.all().size(), out.all().toString());
    assertTrue(
        out.all().get(0).message().contains(String.valueOf(CustomRules.MAX_READS)),
        out.all().get(0).message());
  }
}
