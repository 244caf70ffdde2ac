package dev.hardock.rule.custom;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.RuleDoc;
import dev.hardock.rule.RuleMeta;
import java.util.List;
import java.util.Map;

/**
 * A rule a configuration declares ({@code custom-rules} in .hardock.yaml): its identity and doc like a built-in
 * rule's, the kind of node it judges ({@link On}), its condition ({@code when}), its message (text with
 * {@code {{expression}}} parts) and the value whose position a finding takes ({@code at}: a path such as
 * {@code container.image}, else an expression giving a node or a list of nodes, the first taken). Its
 * expressions were compiled and type-checked when the configuration was read; nothing here names a CEL
 * type, so the engine can hold custom rules without loading CEL (it is loaded only when a configuration
 * declares one).
 */
public record CustomRule(
    RuleMeta meta,
    RuleDoc doc,
    On on,
    Expression when,
    List<Object> message,
    List<String> at,
    Expression atExpression) {
  /** The nodes a custom rule can judge, each with the variables its expressions see. */
  public enum On {
    CONTAINER(
        "container", List.of(SourceKind.COMPOSE, SourceKind.RUN), List.of("container", "file")),
    IMAGE("image", List.of(SourceKind.DOCKERFILE), List.of("image", "file")),
    STAGE("stage", List.of(SourceKind.DOCKERFILE), List.of("stage", "image", "file")),
    INSTRUCTION(
        "instruction",
        List.of(SourceKind.DOCKERFILE),
        List.of("instruction", "stage", "image", "file")),
    DAEMON("daemon", List.of(SourceKind.DAEMON), List.of("daemon", "file"));

    private final String id;
    private final List<SourceKind> appliesTo;
    private final List<String> variables;

    On(String id, List<SourceKind> appliesTo, List<String> variables) {
      this.id = id;
      this.appliesTo = appliesTo;
      this.variables = variables;
    }

    public String id() {
      return id;
    }

    public List<SourceKind> appliesTo() {
      return appliesTo;
    }

    /** The variables an expression of such a rule may name; the first is the node judged. */
    public List<String> variables() {
      return variables;
    }

    public static On byId(String id) {
      for (On o : values()) if (o.id.equals(id)) return o;
      return null;
    }
  }

  /** A compiled expression. */
  public interface Expression {
    /** Its value over {@code vars} (plain maps, lists, strings, Long, Double, Boolean). */
    Object eval(Map<String, Object> vars) throws Failed;

    /**
     * The strings {@code variable.field} must hold for this condition to be true, or null: where that field
     * holds another string, {@link #eval} gives false without evaluating anything (CelExpressions' guards), and
     * the caller may skip the node.
     */
    default java.util.Set<String> oneOf(String variable, String field) {
      return null;
    }
  }

  /** An expression that failed on some input (a missing field, a wrong type, the cost limit). */
  public static final class Failed extends Exception {
    public Failed(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A compile error: {@code line} (1-based) and {@code column} (0-based) inside the expression. */
  public static final class CompileError extends Exception {
    public final int line;
    public final int column;

    public CompileError(int line, int column, String message) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  /**
   * For the JVM cache's training: checks {@code text} and reads it back through the form in which runs keep
   * checked expressions ({@link CheckedCache}), as a run that finds it kept does; nothing is written. Whether it
   * read back as the checker gave it.
   */
  public static boolean keptFormReadsBack(On on, String text) throws CompileError {
    dev.cel.common.CelAbstractSyntaxTree checked = CelExpressions.check(on, text);
    byte[] body = CheckedCache.encode(checked);
    return body != null && CheckedCache.readsBack(body, text, checked);
  }

  /**
   * Compiles an expression of a rule judging {@code on}: it may name that kind's variables; {@code condition}:
   * its type must be bool (or dyn, checked when it runs). CEL is loaded here, on the first custom rule.
   */
  public static Expression compile(On on, String text, boolean condition) throws CompileError {
    return CelExpressions.compile(on, text, condition);
  }
}
