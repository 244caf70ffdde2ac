package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The planner runtime keeps CEL's comprehension cap: nested macros over lists of the model (or over lists the
 * expression builds) stop after {@link CelExpressions#MAX_ITERATIONS} iterations with a failure, whatever the
 * model holds, and an evaluation just under the cap completes.
 */
class CelIterationBoundTest {
  private static Map<String, Object> vars(int items) {
    List<Object> instructions = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      Map<String, Object> ins = new LinkedHashMap<>();
      ins.put("keyword", "RUN");
      instructions.add(ins);
    }
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("instructions", instructions);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("stage", stage);
    vars.put("image", Map.of());
    vars.put("file", Map.of());
    return vars;
  }

  @Test
  void nestedMacrosOverTheModelStopAtTheCap() throws Exception {
    CustomRule.Expression e =
        CelExpressions.compile(
            CustomRule.On.STAGE,
            "stage.instructions.all(a, stage.instructions.all(b, a.keyword == b.keyword))",
            true);
    // 400 x 400 = 160,000 iterations: over the cap of 100,000
    CustomRule.Failed f = assertThrows(CustomRule.Failed.class, () -> e.eval(vars(400)));
    assertTrue(
        f.getMessage().contains("Iteration budget exceeded")
            || f.getMessage().contains(String.valueOf(CelExpressions.MAX_ITERATIONS)),
        f.getMessage());
    // 300 x 300 + 300 = 90,300: under it, the expression is evaluated to the end
    assertEquals(true, e.eval(vars(300)));
  }

  @Test
  void listsTheExpressionBuildsAreCountedToo() throws Exception {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < 50; i++) list.append(i == 0 ? "" : ",").append(i);
    list.append("]");
    String l = list.toString();
    // 50^3 = 125,000 iterations of the innermost macro
    CustomRule.Expression e =
        CelExpressions.compile(
            CustomRule.On.STAGE,
            l + ".all(a, " + l + ".all(b, " + l + ".all(c, a + b + c >= 0)))",
            true);
    assertThrows(CustomRule.Failed.class, () -> e.eval(vars(0)));
  }
}
