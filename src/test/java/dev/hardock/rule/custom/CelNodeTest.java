package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model reaches CEL as CelNodes (maps and lists read through, not converted): every operation on maps and
 * lists gives what it gives on plain values, and a node an expression returns is the model's own object.
 */
class CelNodeTest {
  private final Map<String, Object> from = node("FROM");
  private final Map<String, Object> run = node("RUN");
  private final Map<String, Object> stage = new LinkedHashMap<>();
  private final Map<String, Object> vars = new LinkedHashMap<>();

  CelNodeTest() {
    stage.put("instructions", new ArrayList<>(List.of(from, run)));
    stage.put("names", List.of("a", "b"));
    vars.put("stage", stage);
    vars.put("image", Map.of());
    vars.put("file", Map.of());
  }

  private static Map<String, Object> node(String keyword) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keyword", keyword);
    m.put("span", new LinkedHashMap<>(Map.of("line", 1L)));
    return m;
  }

  /**
   * Evaluates {@code expression} with {@code stage} seen as dyn: these maps are not the model's stage (the
   * checker would refuse their fields), and what is tested here is how CEL reads maps and lists, not the types.
   */
  private Object eval(String expression) throws Exception {
    String untyped = expression.replaceAll("\\bstage\\b", "dyn(stage)");
    return CelExpressions.compile(CustomRule.On.STAGE, untyped, false).eval(vars);
  }

  @Test
  void mapsAndListsBehaveAsPlainValues() throws Exception {
    for (String e :
        List.of(
            "size(stage.instructions) == 2",
            "stage.instructions.size() == 2",
            "size(stage) == 2",
            "stage.instructions[1].keyword == 'RUN'",
            "stage.instructions == stage.instructions",
            "stage.instructions[0] in stage.instructions",
            "!(stage.instructions[0] == stage.instructions[1])",
            "'keyword' in stage.instructions[0]",
            "!('nothing' in stage.instructions[0])",
            "has(stage.instructions[0].span) && !has(stage.instructions[0].nothing)",
            "stage.instructions.map(i, i.keyword) == ['FROM', 'RUN']",
            "stage.instructions.filter(i, i.keyword == 'RUN').size() == 1",
            "stage.instructions[0] == {'keyword': 'FROM', 'span': {'line': 1}}",
            "stage.names == ['a', 'b'] && 'b' in stage.names",
            "stage.names + ['c'] == ['a', 'b', 'c']",
            "stage.exists(k, k == 'names') && stage.all(k, k in ['instructions', 'names'])",
            "stage.instructions[0].span.line == 1 && stage.instructions[0].span.line < 2"))
      assertEquals(true, eval(e), e);
  }

  @Test
  void aNodeAnExpressionGivesIsTheModelsOwn() throws Exception {
    assertSame(run, eval("stage.instructions[1]"));
    assertSame(stage.get("instructions"), eval("stage.instructions"));
    Object mapped = eval("stage.instructions.filter(i, i.keyword == 'RUN')");
    assertEquals(List.of(run), mapped);
    assertSame(run, ((List<?>) mapped).get(0));
  }

  @Test
  void aMissingKeyFailsAsOnAPlainMap() {
    CustomRule.Failed f =
        org.junit.jupiter.api.Assertions.assertThrows(
            CustomRule.Failed.class, () -> eval("stage.instructions[0].user == 'x'"));
    assertEquals("key 'user' is not present in map", f.getMessage());
  }

  @Test
  void anIntComparedWithADoubleFailsAsTheCheckerResolvedIt() {
    // typed, the checker refuses it; through dyn, the runtime finds no overload (the planner's
    // heterogeneous
    // comparisons are not offered by the compiler)
    org.junit.jupiter.api.Assertions.assertThrows(
        CustomRule.CompileError.class,
        () ->
            CelExpressions.compile(
                CustomRule.On.STAGE, "stage.instructions[0].span.line < 1.5", false));
    org.junit.jupiter.api.Assertions.assertThrows(
        CustomRule.Failed.class, () -> eval("stage.instructions[0].span.line < 1.5"));
  }
}
