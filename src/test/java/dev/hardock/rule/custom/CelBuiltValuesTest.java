package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every function that builds a string, bytes or a list is charged what it builds, to the budget {@code +} is
 * charged to ({@link CelExpressions#MAX_CONCATENATED}): the iteration cap alone let
 * {@code list.map(x, text.lowerAscii())} keep a copy of the text per element.
 */
class CelBuiltValuesTest {
  private static Map<String, Object> container(String text) {
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("text", text);
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("image", image);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("container", container);
    vars.put("file", Map.of("path", "compose.yaml"));
    return vars;
  }

  /** By cel-java's runtime (DirectEval keeps its own count of what it builds: DirectEvalTest). */
  private static Object eval(String expression, Map<String, Object> vars) throws Exception {
    boolean was = CelExpressions.directly;
    try {
      CelExpressions.directly = false;
      return CelExpressions.compile(CustomRule.On.CONTAINER, expression, false).eval(vars);
    } finally {
      CelExpressions.directly = was;
    }
  }

  /** Work counted: what each function builds, in characters, bytes and elements (the text has 22). */
  @Test
  void eachFunctionIsChargedWhatItBuilds() throws Exception {
    Map<String, Object> vars = container("registry.acme.io/app:1");
    Object[][] cases = {
      {"container.image.text.lowerAscii()", 22L},
      {"container.image.text.upperAscii()", 22L},
      {"container.image.text.trim()", 22L},
      {"container.image.text.reverse()", 22L},
      {"container.image.text.substring(17)", 5L},
      {"container.image.text.substring(0, 8)", 8L},
      {"container.image.text.charAt(0)", 1L},
      {"container.image.text.split(\"/\")", 2L + 21},
      {"container.image.text.split(\"/\", 1)", 1L + 22},
      {"container.image.text.indexOf(\"/\")", 0L},
      {"string(bytes(container.image.text))", 22L + 22},
      {"bytes(container.image.text) + bytes(container.image.text)", 22L + 22 + 44},
      {"string(container.image.text.size())", 2L},
      {"container.image.text + \"x\"", 23L},
      {"dyn(container.image.text).lowerAscii()", 22L},
    };
    for (Object[] c : cases) {
      eval((String) c[0], vars);
      assertEquals(c[1], CelExpressions.chargedSoFar(), (String) c[0]);
    }
  }

  /**
   * A text of 5,000 characters, rebuilt at each of 5,000 iterations: 25,000,000 characters kept in the list the
   * map makes, over the cap; each function fails naming the cap. Three iterations stay under it.
   */
  @Test
  void aFunctionRepeatedInAMacroStopsAtTheCap() throws Exception {
    Map<String, Object> vars = container("a/".repeat(2_500));
    for (String f :
        new String[] {
          "lowerAscii()",
          "upperAscii()",
          "trim()",
          "reverse()",
          "substring(0)",
          "substring(1, 4999)",
          "split(\"/\")",
        }) {
      String e =
          "container.image.text.split(\"\").map(c, container.image.text." + f + ").size() > 0";
      CustomRule.Expression x = CelExpressions.compile(CustomRule.On.CONTAINER, e, true);
      CustomRule.Failed failed = assertThrows(CustomRule.Failed.class, () -> x.eval(vars), e);
      assertTrue(
          failed.getMessage().contains(String.valueOf(CelExpressions.MAX_CONCATENATED)),
          failed.getMessage());
      assertEquals(
          true,
          CelExpressions.compile(
                  CustomRule.On.CONTAINER,
                  "[1, 2, 3].map(c, container.image.text." + f + ").size() == 3",
                  true)
              .eval(vars),
          f);
    }
    for (String e :
        new String[] {
          "container.image.text.split(\"\").map(c, string(bytes(container.image.text))).size() > 0",
          "container.image.text.split(\"\").map(c, bytes(container.image.text)).size() > 0",
        }) {
      CustomRule.Expression x = CelExpressions.compile(CustomRule.On.CONTAINER, e, true);
      CustomRule.Failed failed = assertThrows(CustomRule.Failed.class, () -> x.eval(vars), e);
      assertTrue(
          failed.getMessage().contains(String.valueOf(CelExpressions.MAX_CONCATENATED)),
          failed.getMessage());
    }
  }

  /** Bytes doubled in a chain of maps, as strings were: stopped at the cap. */
  @Test
  void bytesDoubledInMacrosStopAtTheCap() throws Exception {
    StringBuilder e = new StringBuilder("[bytes(container.image.text)]");
    for (int i = 0; i < 40; i++) e.append(".map(x, x + x)");
    CustomRule.Expression x =
        CelExpressions.compile(CustomRule.On.CONTAINER, e + ".size() > 0", true);
    CustomRule.Failed failed =
        assertThrows(CustomRule.Failed.class, () -> x.eval(container("registry.acme.io/app:1")));
    assertTrue(
        failed.getMessage().contains(String.valueOf(CelExpressions.MAX_CONCATENATED)),
        failed.getMessage());
  }

  /**
   * The charged functions give what CEL's own give (a planner runtime with the string extension and the
   * standard functions as they come), values and failures, also when dispatched on a dyn value.
   */
  @Test
  void resultsAreThoseOfCelsOwnFunctions() throws Exception {
    CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    CelCompiler compiler =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .addLibraries(CelExtensions.strings(CelExpressions.Strings.SAFE))
            .build();
    CelRuntime reference =
        CelRuntimeFactory.plannerRuntimeBuilder()
            .setOptions(options)
            .addLibraries(CelExtensions.strings(CelExpressions.Strings.SAFE))
            .build();
    String[] expressions = {
      "\"AbC dÉ\".lowerAscii()",
      "\"AbC dé\".upperAscii()",
      "\" \\t a b \\u00a0\\u200b\".trim()",
      "\"a😀b\".reverse()",
      "\"a😀bc\".substring(2)",
      "\"a😀bc\".substring(1, 3)",
      "\"a😀b\".charAt(1)",
      "\"a😀b\".charAt(3)",
      "\"a,b,,c\".split(\",\")",
      "\"a,b,c\".split(\",\", 2)",
      "\"a,b,c\".split(\",\", 0)",
      "\"abc\".split(\"\")",
      "\"a😀b\".indexOf(\"b\")",
      "\"a😀b😀\".lastIndexOf(\"😀\")",
      "string(b\"\\xf0\\x9f\\x98\\x80\")",
      "bytes(\"é\")",
      "b\"a\" + b\"b\"",
      "string(1.5)",
      "string(-3)",
      "string(3u)",
      "string(true)",
      "string(\"s\")",
      "string(timestamp(\"2020-01-02T03:04:05Z\"))",
      "string(duration(\"90s\"))",
      "1 + 2",
      "1.5 + 2.0",
      "3u + 4u",
      "timestamp(\"2020-01-01T00:00:00Z\") + duration(\"1h\")",
      "duration(\"1h\") + timestamp(\"2020-01-01T00:00:00Z\")",
      "duration(\"1h\") + duration(\"1m\")",
      "\"a\" + \"b\"",
      "[1] + [2]",
      "dyn(\"a\") + dyn(\"b\")",
      "dyn([1]) + dyn([\"x\"])",
      "dyn(1) + dyn(2)",
      "string(dyn(b\"x\"))",
      "dyn(\"AB\").lowerAscii()",
      "dyn(\"a,b\").split(dyn(\",\"))",
      "dyn(\"abc\").substring(dyn(1))",
      "\"abc\".substring(5)",
      "\"abc\".substring(2, 1)",
      "\"abc\".charAt(9)",
      "string(b\"\\xff\")",
      "9223372036854775807 + 1",
    };
    Map<String, Object> vars = container("x");
    for (String e : expressions) {
      CelAbstractSyntaxTree ast = compiler.compile(e).getAst();
      Object expected;
      try {
        expected = reference.createProgram(ast).eval();
      } catch (CelEvaluationException f) {
        expected = f;
      }
      if (expected instanceof CelEvaluationException f) {
        CustomRule.Failed failed = assertThrows(CustomRule.Failed.class, () -> eval(e, vars), e);
        assertTrue(f.getMessage().contains(failed.getMessage()), e + ": " + failed.getMessage());
      } else {
        assertEquals(expected, eval(e, vars), e);
      }
    }
  }
}
