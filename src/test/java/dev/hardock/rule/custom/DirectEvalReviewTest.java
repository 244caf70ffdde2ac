package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.hardock.engine.Config;
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
import org.junit.jupiter.api.Test;

/**
 * A review of {@link DirectEval} against cel-java, beyond DirectEvalTest: random expressions of loose shape
 * over nodes whose fields hold values of any type (lists of mixed scalars, doubles, masked texts, nodes), the
 * iteration cap at its exact boundary, and typed rules that shadow their own variables over the compose files
 * and Dockerfiles of the corpus.
 */
class DirectEvalReviewTest {
  private static final List<String> VARS = List.of("v", "w");
  private static final CelCompiler COMPILER;

  static {
    var b =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelExtensions.strings(CelExpressions.Strings.SAFE));
    for (String v : VARS) b.addVar(v, SimpleType.DYN);
    COMPILER = b.build();
  }

  /** A value and the reads that gave it; {@code value} is BAIL when DirectEval gave up, ERROR when CEL failed. */
  private record Run(Object value, long reads) {}

  private static final Object ERROR = "<error>";

  private static Run[] both(String text, Map<String, Object> vars, boolean condition)
      throws Exception {
    CelValidationResult r = COMPILER.compile(text);
    if (r.hasError()) return null;
    CelAbstractSyntaxTree ast = r.getAst();
    DirectEval.Plan plan = DirectEval.plan(ast, VARS, condition);
    if (plan == null) return null;
    CelRuntime.Program program = CelExpressions.runtime().createProgram(ast);
    try {
      CustomRules.countReads(true);
      Object d = plan.eval(vars);
      Run direct = new Run(d == DirectEval.BAIL ? d : plain(d), CustomRules.reads());
      CustomRules.countReads(true);
      Object c;
      try {
        c = plain(CelExpressions.eval(program, vars));
      } catch (CustomRule.Failed e) {
        c = ERROR;
      }
      return new Run[] {direct, new Run(c, CustomRules.reads())};
    } finally {
      CustomRules.countReads(false);
    }
  }

  private static Object plain(Object v) {
    v = ModelView.plain(v);
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(plain(o));
      return out;
    }
    return v;
  }

  // ------------------------------------------------------------ loose random expressions

  private static final String[] FIELDS = {"a", "b", "l", "m", "n", "s"};

  private static Object scalar(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> "a";
      case 1 -> "";
      case 2 -> "\uD83D\uDE00";
      case 3 -> new ModelView.Masked("PASSWORD=secretvalue1");
      case 4 -> 1L;
      case 5 -> 0L;
      case 6 -> Long.MAX_VALUE;
      case 7 -> 1.0d;
      case 8 -> true;
      case 9 -> false;
      case 10 -> "ab";
      default -> new ModelView.Masked("hello");
    };
  }

  private static Object value(Random r, int d) {
    int k = r.nextInt(d > 2 ? 1 : 4);
    if (k == 0) return scalar(r);
    if (k != 2) return node(r, d + 1);
    List<Object> l = new ArrayList<>();
    int shape = r.nextInt(3); // nodes and lists, one scalar repeated, or mixed scalars
    Object first = scalar(r);
    for (int i = r.nextInt(4); i > 0; i--)
      l.add(shape == 0 ? value(r, d + 1) : shape == 1 ? first : scalar(r));
    return l;
  }

  private static Map<String, Object> node(Random r, int d) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : FIELDS) if (r.nextInt(5) > 0) m.put(k, value(r, d));
    return m;
  }

  private static final class Gen {
    final Random r;
    final List<String> bound = new ArrayList<>();
    int names;

    Gen(Random r) {
      this.r = r;
    }

    String atom() {
      if (!bound.isEmpty() && r.nextInt(3) == 0) return bound.get(r.nextInt(bound.size()));
      return switch (r.nextInt(9)) {
        case 0 -> "'a'";
        case 1 -> "1";
        case 2 -> "true";
        case 3 -> "''";
        case 4 -> "0";
        case 5 -> "[1, 'a', true]";
        case 6 -> "['a', 'ab']";
        case 7 -> "[1, 0]";
        default -> VARS.get(r.nextInt(2));
      };
    }

    String field() {
      return FIELDS[r.nextInt(FIELDS.length)];
    }

    String e(int d) {
      if (d > 4) return atom() + (r.nextBoolean() ? "." + field() : "");
      return switch (r.nextInt(30)) {
        case 0, 1, 2 -> e(d + 1) + "." + field();
        case 3 -> "has(" + e(d + 1) + "." + field() + ")";
        case 4 -> e(d + 1) + " == " + e(d + 1);
        case 5 -> e(d + 1) + " != " + e(d + 1);
        case 6 -> e(d + 1) + " in " + e(d + 1);
        case 7 -> e(d + 1) + " && " + e(d + 1);
        case 8 -> e(d + 1) + " || " + e(d + 1);
        case 9 -> "!" + e(d + 1);
        case 10 -> "(" + e(d + 1) + " ? " + e(d + 1) + " : " + e(d + 1) + ")";
        case 11 -> "size(" + e(d + 1) + ")";
        case 12 -> e(d + 1) + "[" + e(d + 1) + "]";
        case 13 -> e(d + 1) + " + " + e(d + 1);
        case 14 -> e(d + 1) + " - " + e(d + 1);
        case 15 -> e(d + 1) + " < " + e(d + 1);
        case 16 -> "-" + e(d + 1);
        case 17 -> e(d + 1) + ".startsWith(" + e(d + 1) + ")";
        case 18 -> e(d + 1) + ".contains(" + e(d + 1) + ")";
        case 19 -> e(d + 1) + ".matches('a')";
        case 20 -> e(d + 1) + ".upperAscii()";
        case 21 -> "[" + e(d + 1) + ", " + e(d + 1) + "]";
        case 22 -> "dyn(" + e(d + 1) + ")";
        case 23, 24, 25 -> {
          String m = new String[] {"exists", "all", "exists_one", "map", "filter"}[r.nextInt(5)];
          String range = e(d + 1);
          // a new name, an outer comprehension's (shadowed), or a variable's
          String x =
              !bound.isEmpty() && r.nextInt(3) == 0
                  ? bound.get(0)
                  : r.nextInt(5) == 0 ? VARS.get(r.nextInt(2)) : "x" + names++;
          bound.add(x);
          String body = e(d + 1);
          String filter = m.equals("map") && r.nextBoolean() ? e(d + 1) + ", " : "";
          bound.remove(bound.size() - 1);
          yield range + "." + m + "(" + x + ", " + filter + body + ")";
        }
        case 26 -> e(d + 1) + ".size()";
        default -> atom();
      };
    }
  }

  @Property(tries = 4000)
  void looseExpressionsOverNodesOfAnyType(@ForAll long seed) throws Exception {
    Random r = new Random(seed);
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String v : VARS) vars.put(v, node(r, 0));
    String text = new Gen(r).e(0);
    for (boolean condition : new boolean[] {true, false}) {
      Run[] b = both(text, vars, condition);
      if (b == null || b[0].value() == DirectEval.BAIL) continue;
      assertEquals(b[1].value(), b[0].value(), text + " over " + vars);
      assertEquals(b[1].reads(), b[0].reads(), "reads of " + text + " over " + vars);
    }
  }

  // ------------------------------------------------------------ the iteration cap, exactly

  @Test
  void theIterationCapIsCountedAsCelCountsItToTheLastIteration() throws Exception {
    List<Object> cap = new ArrayList<>();
    for (long k = 0; k < CelExpressions.MAX_ITERATIONS; k++) cap.add(k);
    List<Object> over = new ArrayList<>(cap);
    over.add((long) CelExpressions.MAX_ITERATIONS);
    Map<String, Object> vars =
        Map.of(
            "v", Map.of("cap", cap, "over", over, "bools", List.of(false, false)), "w", Map.of());
    // answered by both, with as many reads
    for (String e :
        List.of(
            "v.cap.all(x, true)",
            "v.over.exists(x, x == 99998)", // found before the last: the fold stops at the cap
            "v.cap.exists(x, x == 99999)",
            "true in v.bools",
            "v.cap.filter(x, x < 10).size() == 10")) {
      Run[] b = both(e, vars, true);
      assertEquals(
          Boolean.TRUE.equals(b[1].value()) || Boolean.FALSE.equals(b[1].value()), true, e);
      assertEquals(b[1].value(), b[0].value(), e);
      assertEquals(b[1].reads(), b[0].reads(), e);
    }
    // one iteration more: CEL fails, DirectEval gives up and takes its reads back
    for (String e :
        List.of(
            "v.over.all(x, true)",
            "v.over.exists(x, x == 99999)",
            "v.over.exists_one(x, x == 5)",
            "v.cap.filter(x, x < 10).exists(y, y == 3)")) {
      Run[] b = both(e, vars, true);
      assertSame(ERROR, b[1].value(), e);
      assertSame(DirectEval.BAIL, b[0].value(), e);
      assertEquals(0, b[0].reads(), e);
    }
  }

  // ------------------------------------------------------------ typed rules over the corpus

  private static final String RULES =
"""
custom-rules:
  - {id: RV01, slug: r-01, on: image, when: 'image.labels.exists(image, image.key == "maintainer") || image.stages.exists(image, image.final)', message: '{{image.labels.map(l, l.key)}}'}
  - {id: RV02, slug: r-02, on: instruction, when: 'instruction.keyword == "RUN" && instruction.commands.exists(c, c.args.exists(a, a.size() > 3 && a.startsWith("-")) && c.args.exists_one(c, c == "-y"))', message: '{{instruction.commands[0].name}} {{size(instruction.args)}}', at: 'instruction.commands[0]'}
  - {id: RV03, slug: r-03, on: instruction, when: 'has(instruction.pairs) && instruction.pairs.exists(p, has(p.value) && size(p.value) > 5 && p.value.upperAscii().contains("SECRET"))', message: '{{instruction.pairs.map(p, p.name)}}'}
  - {id: RV04, slug: r-04, on: stage, when: 'stage.instructions.map(i, i.keyword).filter(k, k == "RUN").size() > stage.instructions.size() - 3', message: '{{stage.base.text}} {{stage.index}}', at: stage.base}
  - {id: RV05, slug: r-05, on: stage, when: 'stage.instructions.exists(i, i.keyword == "COPY" && i.flags.exists(f, f.name == "from")) ? stage.final : !stage.final', message: '{{stage.instructions[stage.instructions.size() - 1].keyword}}'}
  - {id: RV06, slug: r-06, on: container, when: 'container.ports.exists(p, has(p.hostPort) && p.hostPort < 1024) || container.env.exists(e, has(e.value) && e.value.matches("[A-Z]{3}"))', message: '{{container.name}} {{container.ports.map(p, p.containerPort)}}', at: 'container.ports'}
  - {id: RV07, slug: r-07, on: container, when: 'container.labels.exists(container, container.key.startsWith("com.")) && !has(container.user)', message: '{{container.image.text}}', at: container.image}
  - {id: RV08, slug: r-08, on: container, when: '"NET_ADMIN" in container.capAdd || container.mounts.exists(m, has(m.source) && m.source.startsWith("/var/run")) || container.mounts.all(m, m.type == "bind")', message: '{{container.mounts.map(m, m.target)}}', at: 'container.mounts'}
  - {id: RV09, slug: r-09, on: instruction, when: 'instruction.keyword in ["COPY", "ADD"] && instruction.sources.exists(s, s.value.endsWith(".tar.gz") || s.value == ".")', message: '{{instruction.sources[0].value}}', at: 'instruction.sources[0]'}
  - {id: RV10, slug: r-10, on: instruction, when: 'instruction.flags.exists(f, f.name == "mount" && has(f.value) && f.value.contains("secret")) || image.stages.size() > 2 && stage.index == 0', message: '{{file.path}}'}
  - {id: RV11, slug: r-11, on: container, when: 'container.ulimits.exists(u, has(u.soft) && has(u.hard) && u.soft - u.hard < 0) || container.env.map(e, e.name).exists(n, n.lowerAscii().contains("pass"))', message: '{{container.env.map(e, e.name)}}'}
  - {id: RV12, slug: r-12, on: stage, when: 'stage.instructions.exists(i, i.keyword == "RUN" && i.commands.exists(c, c.name == "apt-get")) && stage.instructions.all(i, i.keyword != "USER")', message: '{{stage.instructions.size()}}'}
""";

  private static List<CustomRule> rules() throws Exception {
    Path f = Files.createTempFile("hardock-review", ".yaml");
    try {
      Files.writeString(f, RULES);
      return Config.load(f).rules().custom();
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Test
  void rulesThatShadowTheirVariablesGiveTheSameFindingsOverComposeFilesAndDockerfiles()
      throws Exception {
    List<CustomRule> rules = rules();
    Linter linter = new Linter(LintSettings.DEFAULT);
    java.util.Set<String> fired = new java.util.TreeSet<>();
    boolean was = CelExpressions.directly;
    int files = 0;
    try {
      for (String dir : List.of("../shared/corpus/compose", "../shared/corpus/dockerfiles")) {
        try (Stream<Path> s = Files.walk(Path.of(dir))) {
          for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
            String name = p.getFileName().toString();
            SourceKind kind =
                name.contains("ockerfile")
                    ? SourceKind.DOCKERFILE
                    : name.contains("compose") && name.matches(".*\\.ya?ml")
                        ? SourceKind.COMPOSE
                        : null;
            if (kind == null || files++ % 5 != 2) continue;
            Map<String, Object> model = linter.model(new Target(p, p.toString(), kind), null);
            CelExpressions.directly = true;
            List<String> direct = CelPrefilterTest.findings(rules, model);
            CelExpressions.directly = false;
            assertEquals(CelPrefilterTest.findings(rules, model), direct, p.toString());
            for (String f : direct) {
              assertFalse(f.contains("could not be evaluated"), f);
              fired.add(f.substring(0, 4));
            }
          }
        }
      }
    } finally {
      CelExpressions.directly = was;
    }
    // the comparison means something: most rules fire somewhere, on both kinds of file
    assertTrue(fired.size() >= 10, "rules that fired: " + fired);
    assertTrue(fired.contains("RV08") && fired.contains("RV12"), "rules that fired: " + fired);
  }

  // ------------------------------------------------------------ left to ModelView's owner

  /**
   * The model masks each argument of a shell command on its own: an argument that is a secret only because of
   * the option before it ({@code -u admin:pw}, {@code --password pw}, {@code -ppw}) is shown in full by
   * {@code hardock model} and by a custom rule's message ({@code {{instruction.commands[0].args}}}), where the
   * instruction's {@code args} and the code frame mask it.
   */
  @Test
  void aCommandsArgumentsAreMaskedWithTheOptionsBeforeThem() throws Exception {
    Path dir = Files.createTempDirectory("hardock-review");
    Path df = dir.resolve("Dockerfile");
    try {
      Files.writeString(
          df,
          "FROM alpine\n"
              + "RUN curl -u admin:supersecretpw https://x\n"
              + "RUN docker login -u bob --password hunter2pass reg.io\n"
              + "RUN mysql -u root -pSup3rSecretPw db\n");
      Map<String, Object> model =
          new Linter(LintSettings.DEFAULT)
              .model(new Target(df, "Dockerfile", SourceKind.DOCKERFILE), null);
      String shown = String.valueOf(plain(model));
      for (String secret : List.of("supersecretpw", "hunter2pass", "Sup3rSecretPw"))
        assertFalse(deepPlain(model).contains(secret), secret + " in " + shown);
    } finally {
      Files.deleteIfExists(df);
      Files.deleteIfExists(dir);
    }
  }

  private static String deepPlain(Object v) {
    v = ModelView.plain(v);
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : m.entrySet())
        b.append(e.getKey()).append('=').append(deepPlain(e.getValue())).append(", ");
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : l) b.append(deepPlain(o)).append(", ");
      return b.append(']').toString();
    }
    return String.valueOf(v);
  }
}
