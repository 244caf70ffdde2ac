package dev.hardock.rule.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The one class that speaks CEL (Google's cel-java): compiles and type-checks an expression against the
 * variables of its rule's kind (each a {@code map(string, dyn)}: the node as {@link ModelView} builds it), and
 * runs it bounded. Loaded only when a configuration declares a custom rule.
 *
 * <p>Bounds: CEL has no loops, only macros over lists ({@code exists}, {@code all}, {@code map}, {@code filter});
 * their iterations per evaluation are capped ({@link #MAX_ITERATIONS}), expressions are at most
 * {@link #MAX_LENGTH} characters and nest at most {@link #MAX_DEPTH} deep.
 */
final class CelExpressions {
  static final int MAX_ITERATIONS = 100_000;
  static final int MAX_LENGTH = 4_000;
  static final int MAX_DEPTH = 64;

  /**
   * The string extension's functions whose result is never longer than what they are given. replace, join and
   * quote are left out: nested, they grow a string exponentially (eight nested replace calls of a 250-byte rule
   * exhausted a 5 GB heap), and the iteration cap does not bound the size of values.
   */
  static final java.util.Set<dev.cel.extensions.CelStringExtensions.Function>
      SAFE_STRING_FUNCTIONS =
          java.util.EnumSet.complementOf(
              java.util.EnumSet.of(
                  dev.cel.extensions.CelStringExtensions.Function.REPLACE,
                  dev.cel.extensions.CelStringExtensions.Function.JOIN,
                  dev.cel.extensions.CelStringExtensions.Function.QUOTE));

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .maxParseRecursionDepth(MAX_DEPTH)
          .build();
  private static final Map<CustomRule.On, CelCompiler> COMPILERS =
      new EnumMap<>(CustomRule.On.class);

  /**
   * The runtime: cel-java's planner ({@code dev.cel.runtime.planner}), which resolves functions and
   * attributes once when a program is made rather than at each step of each evaluation (the legacy
   * interpreter's dispatch cost most of a custom rule's time). It keeps the comprehension cap (its
   * ExecutionFrame counts every iteration of a fold against {@link CelOptions#comprehensionMaxIterations()}:
   * CelIterationBoundTest). It refuses to be built without the option of heterogeneous numeric comparisons;
   * the compiler's options are unchanged, and the overloads it picks decide: a comparison of an int with a
   * double fails as it did (CelNodeTest).
   *
   * <p>Building it (CEL's standard functions, protobuf's well-known types) costs more than half a second of
   * start-up: it is built on a thread of its own, started when the first custom rule is compiled, while the
   * configuration's rules are compiled and files are read; a program is made from its checked expression
   * when the rule is first evaluated.
   */
  private static final FutureTask<CelRuntime> RUNTIME =
      new FutureTask<>(
          () ->
              CelRuntimeFactory.plannerRuntimeBuilder()
                  .setOptions(
                      OPTIONS.toBuilder().enableHeterogeneousNumericComparisons(true).build())
                  .addLibraries(CelExtensions.strings(SAFE_STRING_FUNCTIONS))
                  .build());

  static {
    Thread t = new Thread(RUNTIME, "hardock-cel-runtime");
    t.setDaemon(true);
    t.start();
  }

  private static CelRuntime runtime() {
    try {
      return RUNTIME.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while CEL's runtime was built");
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "CEL's runtime cannot be built: " + e.getCause(), e.getCause());
    }
  }

  private CelExpressions() {}

  private static synchronized CelCompiler compiler(CustomRule.On on) {
    return COMPILERS.computeIfAbsent(
        on,
        o -> {
          CelCompilerBuilder b =
              CelCompilerFactory.standardCelCompilerBuilder()
                  .setOptions(OPTIONS)
                  .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                  .addLibraries(CelExtensions.strings(SAFE_STRING_FUNCTIONS));
          for (String v : o.variables())
            b.addVar(v, MapType.create(SimpleType.STRING, SimpleType.DYN));
          return b.build();
        });
  }

  static CustomRule.Expression compile(CustomRule.On on, String text, boolean condition)
      throws CustomRule.CompileError {
    if (text.length() > MAX_LENGTH)
      throw new CustomRule.CompileError(
          1, 0, "the expression is longer than " + MAX_LENGTH + " characters");
    CelAbstractSyntaxTree ast;
    try {
      ast = compiler(on).compile(text).getAst();
    } catch (CelValidationException e) {
      CelIssue first = e.getErrors().isEmpty() ? null : e.getErrors().get(0);
      if (first == null) throw new CustomRule.CompileError(1, 0, "invalid expression");
      int line = Math.max(1, first.getSourceLocation().getLine());
      int column = Math.max(0, first.getSourceLocation().getColumn());
      throw new CustomRule.CompileError(
          line, column, first.getMessage().replace(" (in container '')", ""));
    } catch (RuntimeException e) {
      throw new CustomRule.CompileError(1, 0, "invalid expression: " + e.getMessage());
    }
    CelKind kind = ast.getResultType().kind();
    if (condition && kind != CelKind.BOOL && kind != CelKind.DYN) {
      throw new CustomRule.CompileError(
          1, 0, "the condition must be a bool, not " + ast.getResultType().name());
    }
    Planned planned = new Planned(ast);
    return vars -> {
      CelRuntime.Program program = planned.program();
      try {
        // the variables read through, each map or list of the model wrapped as a CelNode (not
        // walked)
        return CelNode.unwrap(
            program.eval(
                (CelVariableResolver)
                    name -> {
                      Object v =
                          vars instanceof CustomRules.Scope scope
                              ? scope.memo(name, CelNode::adapt)
                              : CelNode.adapt(vars.get(name));
                      return Optional.ofNullable(v);
                    }));
      } catch (CelEvaluationException e) {
        throw new CustomRule.Failed(reason(e.getMessage()));
      } catch (RuntimeException | StackOverflowError e) {
        throw new CustomRule.Failed(
            e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + reason(e.getMessage())));
      }
    };
  }

  /** A checked expression and its program, made when first asked for (by one thread; then kept). */
  private static final class Planned {
    private final CelAbstractSyntaxTree ast;
    private volatile CelRuntime.Program program;
    private volatile String error;

    Planned(CelAbstractSyntaxTree ast) {
      this.ast = ast;
    }

    CelRuntime.Program program() throws CustomRule.Failed {
      CelRuntime.Program p = program;
      if (p != null) return p;
      synchronized (this) {
        if (program == null && error == null) {
          try {
            program = runtime().createProgram(ast);
          } catch (CelEvaluationException | RuntimeException e) {
            error = "cannot be run: " + e.getMessage();
          }
        }
        if (program == null) throw new CustomRule.Failed(error);
        return program;
      }
    }
  }

  /** CEL's message without its "evaluation error at <input>:12:" prefix. */
  private static String reason(String message) {
    if (message == null) return "evaluation failed";
    String m = message;
    if (m.startsWith("evaluation error")) {
      int colon = m.indexOf(": ");
      if (colon > 0) m = m.substring(colon + 2);
    }
    m = m.strip();
    if (m.endsWith(".")) m = m.substring(0, m.length() - 1);
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
