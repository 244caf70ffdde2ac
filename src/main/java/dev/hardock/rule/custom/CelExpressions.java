package dev.hardock.rule.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one class that speaks CEL (Google's cel-java): compiles and type-checks an expression against the
 * variables of its rule's kind (each typed by {@link ModelTypes} from the model's schema, so that a misspelt field
 * is a configuration error; the values are the maps {@link ModelView} builds), and runs it bounded. Loaded only when a configuration declares a custom rule.
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
  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder()
          .setOptions(OPTIONS)
          .addLibraries(CelExtensions.strings(SAFE_STRING_FUNCTIONS))
          .build();

  private CelExpressions() {}

  /**
   * The compiler of a rule kind's expressions: each variable typed by {@link ModelTypes} (a struct type with the
   * node's fields, from the model's schema), so that the checker refuses a field the node does not have and a
   * value used as the wrong type.
   */
  private static synchronized CelCompiler compiler(CustomRule.On on) {
    return COMPILERS.computeIfAbsent(
        on,
        o -> {
          ModelTypes types = ModelTypes.get();
          CelCompilerBuilder b =
              CelCompilerFactory.standardCelCompilerBuilder()
                  .setOptions(OPTIONS)
                  .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                  .setTypeProvider(types)
                  .addLibraries(CelExtensions.strings(SAFE_STRING_FUNCTIONS));
          for (String v : o.variables()) b.addVar(v, types.variable(v));
          return b.build();
        });
  }

  /**
   * Parses and type-checks an expression of a rule judging {@code on}: its checked syntax tree, or the first
   * error at its line (1-based) and column (0-based) inside the expression; an error on a field points at the
   * field's name and names the type it was looked up in.
   */
  static CelAbstractSyntaxTree check(CustomRule.On on, String text) throws CustomRule.CompileError {
    if (text.length() > MAX_LENGTH)
      throw new CustomRule.CompileError(
          1, 0, "the expression is longer than " + MAX_LENGTH + " characters");
    try {
      CelCompiler compiler = compiler(on);
      CelValidationResult parsed = compiler.parse(text);
      if (parsed.hasError()) throw error(parsed.getErrors(), text, null, on);
      CelAbstractSyntaxTree tree = parsed.getAst();
      CelValidationResult checked = compiler.check(tree);
      if (checked.hasError()) throw error(checked.getErrors(), text, tree, on);
      return checked.getAst();
    } catch (CelValidationException e) {
      throw error(e.getErrors(), text, null, on);
    } catch (RuntimeException e) {
      throw new CustomRule.CompileError(1, 0, "invalid expression: " + e.getMessage());
    }
  }

  private static CustomRule.CompileError error(
      List<CelIssue> errors, String text, CelAbstractSyntaxTree parsed, CustomRule.On on) {
    CelIssue first = errors.isEmpty() ? null : errors.get(0);
    if (first == null) return new CustomRule.CompileError(1, 0, "invalid expression");
    int line = Math.max(1, first.getSourceLocation().getLine());
    int column = Math.max(0, first.getSourceLocation().getColumn());
    String message = ModelTypes.shown(first.getMessage().replace(" (in container '')", ""));
    if (parsed != null) {
      ModelTypes types = ModelTypes.get();
      Optional<ModelTypes.Select> select = types.select(parsed, first.getExprId(), on.variables());
      if (select.isPresent()) {
        // the checker points at the '.' of a select (at the '(' of has()): the field's name follows
        // it
        int[] at = field(text, line, column, select.get().field());
        line = at[0];
        column = at[1];
        if (message.startsWith("undefined field '") && select.get().in() != null)
          message += " of " + select.get().in();
      }
      List<String> operands = types.operands(parsed, first.getExprId(), on.variables());
      if (message.startsWith("found no matching overload") && !operands.isEmpty()) {
        int candidates = message.indexOf(" (candidates: ");
        if (candidates > 0) message = message.substring(0, candidates);
        message += " (" + String.join(", ", operands) + ")";
      }
    }
    return new CustomRule.CompileError(line, column, message);
  }

  /**
   * The line and column of {@code field} where it is first selected ({@code .field}) at or after {@code
   * line}:{@code column} of {@code text}, or those.
   */
  private static int[] field(String text, int line, int column, String field) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', offset);
      if (nl < 0) return new int[] {line, column};
      offset = nl + 1;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\\.\\s*(" + java.util.regex.Pattern.quote(field) + ")(?![A-Za-z0-9_])")
            .matcher(text);
    if (offset + column > text.length() || !m.find(offset + column))
      return new int[] {line, column};
    int at = m.start(1);
    int l = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        l++;
        lineStart = i + 1;
      }
    }
    return new int[] {l, at - lineStart};
  }

  static CustomRule.Expression compile(CustomRule.On on, String text, boolean condition)
      throws CustomRule.CompileError {
    CelAbstractSyntaxTree ast = check(on, text);
    CelKind kind = ast.getResultType().kind();
    if (condition && kind != CelKind.BOOL && kind != CelKind.DYN) {
      throw new CustomRule.CompileError(
          1,
          0,
          "the condition must be a bool, not " + ModelTypes.shown(ast.getResultType().name()));
    }
    CelRuntime.Program program;
    try {
      program = RUNTIME.createProgram(ast);
    } catch (CelEvaluationException | RuntimeException e) {
      throw new CustomRule.CompileError(1, 0, "cannot be run: " + e.getMessage());
    }
    return vars -> {
      try {
        return program.eval(vars);
      } catch (CelEvaluationException e) {
        throw new CustomRule.Failed(reason(e.getMessage()));
      } catch (RuntimeException | StackOverflowError e) {
        throw new CustomRule.Failed(
            e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + reason(e.getMessage())));
      }
    };
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
