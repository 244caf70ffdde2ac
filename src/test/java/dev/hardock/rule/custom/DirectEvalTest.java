package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectEval} against cel-java's runtime: where it gives a value, the value is CEL's, with as many model
 * reads; where CEL fails, it gives up. Random expressions over random models (dyn-typed variables, so that
 * most of them type-check), the custom rules of the benchmark and of the docs over the corpus, and the cases
 * that must be given up.
 */
class DirectEvalTest {
  private static final List<String> VARS = List.of("v", "w");
  private static final Object ERROR = "<error>";
  private static String lastError;

  private static final CelCompiler COMPILER;

  static {
    var b =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelExtensions.strings(CelExpressions.Strings.SAFE));
    for (String v : VARS) b.addVar(v, SimpleType.DYN);
    COMPILER = b.build();
  }

  static CelAbstractSyntaxTree checked(String text) {
    try {
      CelValidationResult r = COMPILER.compile(text);
      return r.hasError() ? null : r.getAst();
    } catch (RuntimeException | dev.cel.common.CelValidationException e) {
      return null;
    }
  }

  /** Both evaluators' values (ERROR where CEL fails, BAIL where DirectEval gives up) and their reads. */
  private record Both(
      Object direct, long directReads, Object cel, long celReads, long directWork, long celWork) {}

  private static Both both(String text, Map<String, Object> vars, boolean condition)
      throws Exception {
    CelAbstractSyntaxTree ast = checked(text);
    assertNotNull(ast, text);
    DirectEval.Plan plan = DirectEval.plan(ast, VARS, condition);
    CelRuntime.Program program = CelExpressions.runtime().createProgram(ast);
    CustomRules.countReads(true);
    try {
      Object direct = plan == null ? DirectEval.BAIL : plan.eval(vars);
      long directReads = CustomRules.reads();
      long directWork = CelExpressions.workSoFar();
      CustomRules.countReads(true);
      Object cel;
      try {
        cel = plain(CelExpressions.eval(program, vars));
      } catch (CustomRule.Failed e) {
        cel = ERROR;
        lastError = e.getMessage();
      }
      return new Both(
          direct == DirectEval.BAIL ? direct : plain(direct),
          directReads,
          cel,
          CustomRules.reads(),
          directWork,
          CelExpressions.workSoFar());
    } finally {
      CustomRules.countReads(false);
    }
  }

  /** A value with the model's lazily masked texts as strings and every list a plain list. */
  private static Object plain(Object v) {
    v = ModelView.plain(v);
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(plain(o));
      return out;
    }
    return v;
  }

  // ------------------------------------------------------------ random expressions, random models

  @Property(tries = 3000)
  void whereItGivesAValueItIsCelsValue(@ForAll long seed) throws Exception {
    // enough of the random expressions are answered by both, for the comparison to mean something
    Statistics.label("outcome").coverage(c -> c.check("same value").percentage(p -> p > 15.0));
    Random r = new Random(seed);
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String v : VARS) vars.put(v, map(r, 0));
    String text = new Gen(r).cond(0);
    CelAbstractSyntaxTree ast = checked(text);
    if (ast == null) {
      Statistics.label("outcome").collect("does not type-check");
      return;
    }
    Both b = both(text, vars, true);
    if (b.direct() == DirectEval.BAIL) {
      Statistics.label("outcome")
          .collect(DirectEval.plan(ast, VARS, true) == null ? "not planned" : "given up");
      return;
    }
    Statistics.label("outcome").collect(b.cel() == ERROR ? "CEL failed" : "same value");
    assertEquals(b.cel(), b.direct(), text + " over " + vars + ": " + lastError);
    assertEquals(b.celReads(), b.directReads(), "reads of " + text + " over " + vars);
    // the work both charge (CelExpressions.MAX_WORK): DirectEval gives up where cel-java fails
    if (b.cel() != ERROR)
      assertEquals(b.celWork(), b.directWork(), "work of " + text + " over " + vars);
  }

  @Property(tries = 1000)
  void messagesAndPositionsToo(@ForAll long seed) throws Exception {
    Random r = new Random(seed);
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String v : VARS) vars.put(v, map(r, 0));
    Gen g = new Gen(r);
    String text = r.nextBoolean() ? g.value(0) : g.path(0);
    if (checked(text) == null) return;
    Both b = both(text, vars, false);
    if (b.direct() == DirectEval.BAIL) return;
    assertEquals(b.cel(), b.direct(), text + " over " + vars + ": " + lastError);
    assertEquals(b.celReads(), b.directReads(), "reads of " + text + " over " + vars);
    // the work both charge (CelExpressions.MAX_WORK): DirectEval gives up where cel-java fails
    if (b.cel() != ERROR)
      assertEquals(b.celWork(), b.directWork(), "work of " + text + " over " + vars);
  }

  // the last: texts that hold secrets, and their masked forms (a Masked of one compares as the
  // latter)
  private static final String[] STRINGS = {
    "",
    "a",
    "ab",
    "b",
    "é",
    "\uD83D\uDE00a",
    "ADD",
    "curl",
    "AKIAIOSFODNN7EXAMPLE",
    ModelView.maskedText("AKIAIOSFODNN7EXAMPLE"),
    "x --password hunter22",
    ModelView.maskedText("x --password hunter22")
  };
  private static final long[] INTS = {0, 1, 2, -1, 3, Long.MAX_VALUE, Long.MIN_VALUE};

  /**
   * A random node shaped like the model's: {@code name} a string, {@code n} an int, {@code flag} a bool,
   * {@code args} a list of strings, {@code items} a list of nodes, {@code sub} a node; a field is absent now and
   * then (has(), and a select CEL fails on), of another type more rarely (the overloads CEL would not take).
   */
  private static Map<String, Object> map(Random r, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    field(r, m, "name", () -> string(r));
    field(r, m, "n", () -> INTS[r.nextInt(INTS.length)]);
    field(r, m, "flag", r::nextBoolean);
    field(
        r,
        m,
        "args",
        () -> {
          List<Object> l = new ArrayList<>();
          for (int i = r.nextInt(5); i > 0; i--) l.add(string(r));
          return l;
        });
    if (depth < 3) {
      field(
          r,
          m,
          "items",
          () -> {
            List<Object> l = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) l.add(map(r, depth + 1));
            return l;
          });
      field(r, m, "sub", () -> map(r, depth + 1));
    }
    // the view for custom rules makes a node when first read but for one field (ModelView.LazyNode)
    return r.nextInt(3) == 0
        ? new ModelView.LazyNode("name", m.get("name"), java.util.Set.of(), () -> m)
        : m;
  }

  private static Object string(Random r) {
    String s = STRINGS[r.nextInt(STRINGS.length)];
    return r.nextInt(4) == 0 ? new ModelView.Masked(s) : s;
  }

  private static void field(
      Random r, Map<String, Object> m, String key, java.util.function.Supplier<Object> value) {
    int pick = r.nextInt(20);
    if (pick < 3) return; // absent
    if (pick == 3) m.put(key, r.nextBoolean() ? (Object) 7L : List.of("x")); // another type
    else m.put(key, value.get());
  }

  /** Random well-typed expressions over such nodes, mostly of the subset DirectEval plans. */
  static final class Gen {
    private final Random r;
    private final List<String[]> bound = new ArrayList<>(); // {name, type}
    private int names;

    Gen(Random r) {
      this.r = r;
    }

    private String var(String type) {
      List<String> out = new ArrayList<>();
      for (String[] b : bound) if (b[1].equals(type)) out.add(b[0]);
      return out.isEmpty() ? null : out.get(r.nextInt(out.size()));
    }

    String node(int d) {
      String x = var("node");
      if (x != null && r.nextBoolean()) return x;
      if (d > 3) return VARS.get(r.nextInt(2));
      return switch (r.nextInt(5)) {
        case 0 -> node(d + 1) + ".sub";
        case 1 -> nodes(d + 1) + "[" + (r.nextInt(3) - 1) + "]";
        default -> VARS.get(r.nextInt(2));
      };
    }

    String nodes(int d) {
      if (d > 3 || r.nextInt(3) > 0) return node(d + 1) + ".items";
      return comprehension(d, "filter", "node", nodes(d + 1));
    }

    String str(int d) {
      String x = var("string");
      if (x != null && r.nextInt(3) == 0) return x;
      if (d > 3) return r.nextBoolean() ? node(d) + ".name" : "'" + STRINGS[r.nextInt(4)] + "'";
      return switch (r.nextInt(10)) {
        case 0, 1, 2 -> node(d + 1) + ".name";
        case 3 -> "'" + STRINGS[r.nextInt(STRINGS.length)] + "'";
        case 4 -> str(d + 1) + (r.nextBoolean() ? ".upperAscii()" : ".lowerAscii()");
        case 5 -> strs(d + 1) + "[" + r.nextInt(2) + "]";
        case 6 -> "(" + bool(d + 1) + " ? " + str(d + 1) + " : " + str(d + 1) + ")";
        case 7 -> str(d + 1) + " + " + str(d + 1);
        case 8 -> node(d + 1) + "['name']";
        default -> str(d + 1) + ".substring(1)"; // not planned
      };
    }

    String strs(int d) {
      if (d > 3) return node(d) + ".args";
      return switch (r.nextInt(6)) {
        case 0, 1, 2 -> node(d + 1) + ".args";
        case 3 -> "['a', 'b']";
        case 4 -> "[" + str(d + 1) + ", " + str(d + 1) + "]";
        default ->
            r.nextBoolean()
                ? comprehension(d, "map", "node", nodes(d + 1))
                : comprehension(d, "filter", "string", strs(d + 1));
      };
    }

    String integer(int d) {
      String x = var("int");
      if (x != null && r.nextInt(3) == 0) return x;
      if (d > 3) return r.nextBoolean() ? node(d) + ".n" : String.valueOf(INTS[r.nextInt(5)]);
      return switch (r.nextInt(8)) {
        case 0, 1 -> node(d + 1) + ".n";
        case 2 -> String.valueOf(INTS[r.nextInt(5)]);
        case 3 -> "size(" + str(d + 1) + ")";
        case 4 -> (r.nextBoolean() ? strs(d + 1) : nodes(d + 1)) + ".size()";
        case 5 -> "(" + integer(d + 1) + (r.nextBoolean() ? " + " : " - ") + integer(d + 1) + ")";
        case 6 -> "-" + integer(d + 1);
        default -> "int(" + str(d + 1) + ")"; // not planned
      };
    }

    String bool(int d) {
      if (d > 3) return r.nextBoolean() ? node(d) + ".flag" : str(d) + " == " + str(d);
      return switch (r.nextInt(18)) {
        case 0 -> node(d + 1) + ".flag";
        case 1 -> str(d + 1) + (r.nextBoolean() ? " == " : " != ") + str(d + 1);
        case 2 -> integer(d + 1) + (r.nextBoolean() ? " < " : " >= ") + integer(d + 1);
        case 3 -> str(d + 1) + " in " + strs(d + 1);
        case 4 ->
            "has("
                + node(d + 1)
                + "."
                + new String[] {"name", "n", "sub", "args"}[r.nextInt(4)]
                + ")";
        case 5 -> bool(d + 1) + " && " + bool(d + 1);
        case 6 -> bool(d + 1) + " || " + bool(d + 1);
        case 7 -> "!(" + bool(d + 1) + ")";
        case 8 -> str(d + 1) + ".startsWith(" + str(d + 1) + ")";
        case 9 -> str(d + 1) + (r.nextBoolean() ? ".endsWith('b')" : ".contains('a')");
        case 10 -> str(d + 1) + ".matches('^[a-z]+$')";
        case 11, 12 -> {
          String macro = new String[] {"exists", "all", "exists_one"}[r.nextInt(3)];
          yield r.nextBoolean()
              ? comprehension(d, macro, "string", strs(d + 1))
              : comprehension(d, macro, "node", nodes(d + 1));
        }
        case 13 -> "(" + bool(d + 1) + " ? " + bool(d + 1) + " : " + bool(d + 1) + ")";
        case 14 -> integer(d + 1) + " == " + integer(d + 1);
        case 15 -> "'name' in " + node(d + 1);
        case 16 -> node(d + 1) + " == " + node(d + 1); // given up
        default -> "dyn(" + bool(d + 1) + ")";
      };
    }

    /** {@code range.macro(x, ...)} over elements of {@code type}. */
    String comprehension(int d, String macro, String type, String range) {
      String x = r.nextInt(4) == 0 && !bound.isEmpty() ? bound.get(0)[0] : "x" + names++;
      bound.add(new String[] {x, type});
      try {
        String body =
            switch (macro) {
              case "map" ->
                  (r.nextBoolean() ? "" : bool(d + 1) + ", ")
                      + (type.equals("node") ? x + ".name" : str(d + 1));
              default -> bool(d + 1);
            };
        return range + "." + macro + "(" + x + ", " + body + ")";
      } finally {
        bound.remove(bound.size() - 1);
      }
    }

    String cond(int d) {
      return bool(d);
    }

    String value(int d) {
      return switch (r.nextInt(3)) {
        case 0 -> str(d);
        case 1 -> integer(d);
        default -> strs(d);
      };
    }

    String path(int d) {
      return node(d) + (r.nextBoolean() ? ".name" : ".args");
    }
  }

  // ------------------------------------------------------------ what is planned, what is given up

  @Test
  void theConstructsOfRulesArePlanned() {
    for (String e :
        List.of(
            "v.a == 'x' && has(v.b) || !v.c",
            "v.args.exists(x, x.name == 'curl') && v.args.all(y, y.k in ['a', 'b'])",
            "v.args.exists_one(x, x.startsWith('a')) || v.args.filter(x, x > 1).size() > 2",
            "v.args.map(x, x.name).exists(n, n.matches('^a'))",
            "size(v.a) + 1 < 3 && v.a.upperAscii().contains('A') && v.l[0] == w['k']",
            "dyn(v).a.endsWith('b') ? v.n - 1 >= 0 : -v.n != 2"))
      assertNotNull(DirectEval.plan(checked(e), VARS, true), e);
  }

  @Test
  void otherConstructsAreLeftToCel() {
    for (String e :
        List.of(
            "v.a.substring(1) == 'b'",
            "{'a': 1}.a == 1",
            "v.a == 1.5",
            "v.a == null",
            "v.a == b'x'",
            "v.a.matches(w.b)",
            "v.a.matches('(')",
            "int(v.a) == 1",
            "type(v.a) == string")) assertNull(DirectEval.plan(checked(e), VARS, true), e);
    // a message's or position's value never builds lists of its own
    assertNull(DirectEval.plan(checked("v.l.map(x, [x, x])"), VARS, false));
    assertNull(DirectEval.plan(checked("[v.a, v.b]"), VARS, false));
    assertNotNull(DirectEval.plan(checked("v.a.name"), VARS, false));
  }

  @Test
  void whatCelFailsOnIsGivenUp() throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("a", "x");
    v.put("n", Long.MAX_VALUE);
    v.put("l", List.of(1L, "two"));
    Map<String, Object> vars = Map.of("v", v, "w", Map.of());
    for (String e :
        List.of(
            "v.missing == 'x'", // no such key
            "v.a.missing == 'x'", // a string has no fields
            "v.n + 1 > 0", // overflow
            "v.a == 1", // two types: CEL's heterogeneous equality
            "v.l.exists(x, x == 'two')", // 1 == 'two' before
            "v.a", // not a bool
            "v.l[5] == 1")) {
      Both b = both(e, vars, true);
      assertSame(DirectEval.BAIL, b.direct(), e);
      assertEquals(0, b.directReads(), "reads taken back: " + e);
    }
  }

  @Test
  void theIterationCapIsCelsToo() throws Exception {
    List<Object> l = new ArrayList<>();
    for (long i = 0; i < 400; i++) l.add(i);
    Map<String, Object> vars = Map.of("v", Map.of("l", l, "s", l.subList(0, 200)), "w", Map.of());
    // 400 * 400 iterations: over the cap (100,000), CEL fails and DirectEval gives up
    Both over = both("v.l.exists(x, v.l.exists(y, y < 0))", vars, true);
    assertSame(DirectEval.BAIL, over.direct());
    assertEquals(ERROR, over.cel());
    // 200 * 200 + 200: under it, both answer
    Both under = both("v.s.all(x, v.s.filter(y, y < 100).size() == 100)", vars, true);
    assertEquals(true, under.direct());
    assertEquals(true, under.cel());
    assertEquals(under.celReads(), under.directReads());
  }

  @Test
  void anEarlyAnswerCountsWhatCelsFoldCounts() throws Exception {
    List<Object> l = List.of("a", "b", "c", "d");
    Map<String, Object> vars = Map.of("v", Map.of("l", l), "w", Map.of());
    // CEL reads the element after the one that decides before its loop condition stops it
    Both b = both("v.l.exists(x, x == 'b')", vars, true);
    assertEquals(true, b.direct());
    assertEquals(b.celReads(), b.directReads());
    Both in = both("3 in v.l.map(x, size(x))", vars, true);
    assertEquals(false, in.direct());
    assertEquals(in.celReads(), in.directReads());
  }

  // ------------------------------------------------------------ whole rules

  private static List<String> directAndNot(List<CustomRule> rules, Map<String, Object> model) {
    boolean was = CelExpressions.directly;
    try {
      CelExpressions.directly = true;
      List<String> direct = CelPrefilterTest.findings(rules, model);
      CelExpressions.directly = false;
      assertEquals(CelPrefilterTest.findings(rules, model), direct);
      return direct;
    } finally {
      CelExpressions.directly = was;
    }
  }

  @Test
  void theRulesOfTheBenchmarkAndTheDocsGiveTheSameFindingsOverTheCorpus() throws Exception {
    List<CustomRule> rules = CelPrefilterTest.rules();
    Linter linter = new Linter(LintSettings.DEFAULT);
    int files = 0;
    int found = 0;
    try (Stream<Path> s = Files.walk(Path.of("../shared/corpus/dockerfiles"))) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
        if (files++ % 7 != 3) continue; // a seventh of the corpus, other than the prefilter's
        Map<String, Object> model =
            linter.model(new Target(p, p.toString(), SourceKind.DOCKERFILE), null);
        found += directAndNot(rules, model).size();
      }
    }
    assertTrue(found > 1000, "findings: " + found);
  }

  @Property(tries = 200)
  void theRulesGiveTheSameFindingsOverRandomModels(@ForAll("model") Map<String, Object> model)
      throws Exception {
    directAndNot(CelPrefilterTest.rules(), model);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Map<String, Object>> model() {
    return new CustomRulesProperties().model();
  }
}
