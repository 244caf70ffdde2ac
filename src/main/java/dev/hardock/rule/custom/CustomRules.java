package dev.hardock.rule.custom;

import dev.hardock.model.Span;
import dev.hardock.rule.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs custom rules over the {@link ModelView} of one file: each rule over each node of its kind, a finding
 * where its condition is true. A rule whose expression fails on some node (a field the node does not have, a
 * value of another type, the iteration limit) gives one finding that names the reason, at that node, and is
 * not evaluated further on this file: never a crash, never a silent pass.
 */
public final class CustomRules {
  private CustomRules() {}

  /** Runs {@code rules} over {@code model} (the root of {@link ModelView#file}), reporting into {@code out}. */
  public static void run(List<CustomRule> rules, Map<String, Object> model, Findings out) {
    run(rules, model, Map.of(), out);
  }

  /**
   * As above; {@code origins} (from {@link ModelView#file(String, String, List, dev.hardock.model.dockerfile.ImageBuild,
   * dev.hardock.model.daemon.DaemonConfig, Map)}) gives back the model's own span for each position map, by identity.
   */
  @SuppressWarnings("unchecked")
  public static void run(
      List<CustomRule> rules, Map<String, Object> model, Map<Object, Span> origins, Findings out) {
    ORIGINS.set(origins);
    long[] counters = new long[2];
    READS.set(counters);
    try {
      runAll(rules, model, counters, out);
    } finally {
      ORIGINS.remove();
      READS.remove();
    }
  }

  private static final ThreadLocal<Map<Object, Span>> ORIGINS = new ThreadLocal<>();

  @SuppressWarnings("unchecked")
  private static void runAll(
      List<CustomRule> rules, Map<String, Object> model, long[] counters, Findings out) {
    Map<String, Object> file =
        model.get("file") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
    // each kind's scopes once per file, shared by its rules (with what the evaluator derives from
    // them)
    Map<CustomRule.On, List<Map<String, Object>>> byKind =
        new java.util.EnumMap<>(CustomRule.On.class);
    String[] keywords =
        null; // each instruction scope's keyword, once per file (when a rule is guarded)
    for (CustomRule rule : rules) {
      counters[0] = 0;
      counters[1] = 0;
      List<Map<String, Object>> scopes =
          byKind.computeIfAbsent(
              rule.on(),
              on -> {
                List<Map<String, Object>> made = scopes(on, model, file);
                for (Map<String, Object> s : made) ((Scope) s).counters = counters;
                return made;
              });
      // a condition that needs instruction.keyword to be one of a few strings is not run on the
      // others (what its guard would answer, without a call per instruction)
      java.util.Set<String> only =
          rule.on() == CustomRule.On.INSTRUCTION
              ? rule.when().oneOf("instruction", "keyword")
              : null;
      if (only != null && keywords == null) keywords = keywords(scopes);
      for (int i = 0; i < scopes.size(); i++) {
        if (only != null && keywords[i] != null && !only.contains(keywords[i])) continue;
        Map<String, Object> vars = scopes.get(i);
        Map<String, Object> node = (Map<String, Object>) vars.get(rule.on().variables().get(0));
        try {
          Object v = rule.when().eval(vars);
          if (!(v instanceof Boolean b))
            throw new CustomRule.Failed("the condition gave " + typeName(v) + ", not a bool");
          if (!b) continue;
          out.report(rule.meta(), at(rule, vars, node), message(rule, vars));
        } catch (CustomRule.Failed e) {
          out.report(
              rule.meta(),
              spanOf(node),
              "custom rule "
                  + rule.meta().id()
                  + " could not be evaluated on this "
                  + rule.on().id()
                  + ": "
                  + e.getMessage());
          break;
        }
      }
    }
  }

  /** The keyword of each instruction scope (a string, else null). */
  private static String[] keywords(List<Map<String, Object>> scopes) {
    String[] out = new String[scopes.size()];
    for (int i = 0; i < out.length; i++)
      if (scopes.get(i).get("instruction") instanceof Map<?, ?> m
          && ModelView.plain(m.get("keyword")) instanceof String s) out[i] = s;
    return out;
  }

  /**
   * Reads of the model's values a rule may make on one file, over all the nodes it judges. Each evaluation's
   * iterations are capped, but a rule on each of 10,000 instructions that walks its stage's instructions made
   * 100,000,000 reads (three minutes on one file).
   */
  static final long MAX_READS = 1_000_000;

  /** Reads of the model by the rule now run on this thread's file (null outside {@link #run}). */
  private static final ThreadLocal<long[]> READS = new ThreadLocal<>();

  /** For tests: counts this thread's reads from 0 ({@code on}), or stops counting them. */
  static void countReads(boolean on) {
    if (on) READS.set(new long[2]);
    else READS.remove();
  }

  /**
   * The counters of the rule now run on this thread's file: its reads ({@code [0]}, {@link #MAX_READS}) and
   * its work ({@code [1]}, {@link CelExpressions#MAX_FILE_WORK}); null outside {@link #run}. DirectEval takes
   * them once per evaluation.
   */
  static long[] counters() {
    return READS.get();
  }

  /** The reads counted so far on this thread's file (0 outside {@link #run}). */
  static long reads() {
    long[] r = READS.get();
    return r == null ? 0 : r[0];
  }

  /** The work ({@link CelExpressions#MAX_FILE_WORK}) of the rule now run on this thread's file (0 outside {@link #run}). */
  static long work() {
    long[] r = READS.get();
    return r == null ? 0 : r[1];
  }

  /** Adds an evaluation's work to the rule's on this thread's file. */
  static void addWork(long work) {
    long[] r = READS.get();
    if (r != null) r[1] += work;
  }

  /** Counts one read of the model (CelNode); past {@link #MAX_READS}, the evaluation fails. */
  static void read() {
    long[] r = READS.get();
    if (r != null && ++r[0] > MAX_READS)
      throw new IllegalStateException(
          "the rule read the model more than " + MAX_READS + " times on this file");
  }

  /** The variables of each node a rule of kind {@code on} judges, in file order (what is not a node is skipped). */
  static List<Map<String, Object>> scopes(
      CustomRule.On on, Map<String, Object> model, Map<String, Object> file) {
    List<Map<String, Object>> out = new ArrayList<>();
    switch (on) {
      case CONTAINER -> {
        for (Object c : list(model.get("containers")))
          if (c instanceof Map) out.add(vars("container", c, file));
      }
      case DAEMON -> {
        Object d = model.get("daemon");
        if (d instanceof Map) out.add(vars("daemon", d, file));
      }
      case IMAGE, STAGE, INSTRUCTION -> {
        for (Object i : list(model.get("images"))) {
          if (!(i instanceof Map<?, ?> image)) continue;
          if (on == CustomRule.On.IMAGE) {
            out.add(vars("image", i, file));
            continue;
          }
          for (Object s : list(image.get("stages"))) {
            if (!(s instanceof Map<?, ?> stage)) continue;
            if (on == CustomRule.On.STAGE) {
              out.add(new Scope(on, s, i, file));
              continue;
            }
            for (Object ins : list(stage.get("instructions"))) {
              if (!(ins instanceof Map)) continue;
              out.add(new Scope(on, ins, s, i, file));
            }
          }
        }
      }
    }
    return out;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static Map<String, Object> vars(String name, Object node, Map<String, Object> file) {
    return new Scope(CustomRule.On.byId(name), node, file);
  }

  /**
   * The variables of one node, in the order of {@link CustomRule.On#variables()}: a read-only map, and a memo
   * per variable where the evaluator keeps what it derives from the value (CelExpressions: the value wrapped
   * for CEL, with the wrappers of what rules read under it), shared by the rules of a file.
   */
  static final class Scope extends java.util.AbstractMap<String, Object> {
    private final List<String> names;
    private final Object[] values;
    private final Object[] memo;

    /**
     * The counters of the file's run ({@link #counters()}), handed to the evaluator with the variables: a
     * thread-local lookup per evaluation cost more than most evaluations under C1.
     */
    long[] counters;

    Scope(CustomRule.On on, Object... values) {
      this.names = on.variables();
      this.values = values;
      this.memo = new Object[values.length];
    }

    @Override
    public Object get(Object key) {
      int i = names.indexOf(key);
      return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
      return names.contains(key);
    }

    /** {@code derive} of the variable {@code name}'s value, computed once; null when there is no such variable. */
    Object memo(String name, java.util.function.UnaryOperator<Object> derive) {
      int i = names.indexOf(name);
      if (i < 0) return null;
      if (memo[i] == null) memo[i] = derive.apply(values[i]);
      return memo[i];
    }

    @Override
    public java.util.Set<Map.Entry<String, Object>> entrySet() {
      java.util.Set<Map.Entry<String, Object>> out = new java.util.LinkedHashSet<>();
      for (int i = 0; i < values.length; i++)
        out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(names.get(i), values[i]));
      return out;
    }
  }

  /** The message: its text parts, and each {@code {{expression}}} part's value. */
  static String message(CustomRule rule, Map<String, Object> vars) throws CustomRule.Failed {
    StringBuilder b = new StringBuilder();
    for (Object part : rule.message()) {
      if (part instanceof String s) b.append(s);
      else b.append(show(((CustomRule.Expression) part).eval(vars)));
      if (b.length() > 2000) break;
    }
    return b.toString();
  }

  /** A value as a message shows it: strings as they are, lists joined with ", ", a node by its text or name. */
  @SuppressWarnings("unchecked")
  static String show(Object v) {
    v = ModelView.plain(v);
    if (v == null) return "null";
    if (v instanceof String s) return s;
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder();
      for (Object o : l) {
        if (b.length() > 0) b.append(", ");
        b.append(show(o));
        if (b.length() > 1000) break;
      }
      return b.toString();
    }
    if (v instanceof Map<?, ?> m) {
      for (String k : List.of("text", "name", "value", "keyword"))
        if (ModelView.plain(m.get(k)) instanceof String s) return s;
      return "{...}";
    }
    return String.valueOf(v);
  }

  private static String typeName(Object v) {
    if (v == null) return "null";
    if (v instanceof String) return "a string";
    if (v instanceof Long || v instanceof Integer) return "an int";
    if (v instanceof Double) return "a double";
    if (v instanceof List) return "a list";
    if (v instanceof Map) return "a map";
    return v.getClass().getSimpleName();
  }

  /**
   * Where the finding stands: the value at the rule's {@code at} path (a node's {@code span}; a scalar's entry
   * under its parent's {@code spans}; for a list, its first element's), else the judged node's span.
   */
  @SuppressWarnings("unchecked")
  static Span at(CustomRule rule, Map<String, Object> vars, Map<String, Object> node)
      throws CustomRule.Failed {
    if (rule.atExpression() != null) {
      Object v = rule.atExpression().eval(vars);
      if (v instanceof List<?> l && !l.isEmpty()) v = l.get(0);
      v = ModelView.plain(v);
      if (v instanceof Map<?, ?> m && m.get("span") instanceof Map<?, ?>)
        return spanOf((Map<String, Object>) m);
      Span byValue = v == null || node == null ? null : byValue(node, v);
      return byValue != null ? byValue : spanOf(node);
    }
    List<String> path = rule.at();
    if (path.isEmpty()) return spanOf(node);
    Object parent = null;
    Object cur = vars.get(path.get(0));
    for (int i = 1; i < path.size() && cur != null; i++) {
      parent = cur;
      cur = cur instanceof Map<?, ?> m ? m.get(path.get(i)) : null;
    }
    if (cur instanceof Map<?, ?> m && m.get("span") instanceof Map<?, ?>)
      return spanOf((Map<String, Object>) m);
    if (cur instanceof List<?> l) {
      for (Object o : l)
        if (o instanceof Map<?, ?> m && m.get("span") instanceof Map<?, ?>)
          return spanOf((Map<String, Object>) m);
    }
    if (parent instanceof Map<?, ?> p && p.get("spans") instanceof Map<?, ?> spans) {
      Object s = spans.get(path.get(path.size() - 1));
      if (s instanceof List<?> l && !l.isEmpty()) s = l.get(0);
      if (s instanceof Map<?, ?> sm) return toSpan((Map<String, Object>) sm);
    }
    return spanOf(node);
  }

  /**
   * The position of a value of {@code node} found by value: a scalar field equal to it, or an element of a list
   * field (each list of strings has a list of positions under {@code spans}, element for element).
   */
  @SuppressWarnings("unchecked")
  private static Span byValue(Map<String, Object> node, Object value) {
    if (!(node.get("spans") instanceof Map<?, ?> spans)) return null;
    for (Map.Entry<String, Object> e : node.entrySet()) {
      Object where = spans.get(e.getKey());
      if (where == null) continue;
      if (e.getValue() instanceof List<?> l && where instanceof List<?> w && l.size() == w.size()) {
        int i = -1;
        for (int k = 0; k < l.size() && i < 0; k++)
          if (value.equals(ModelView.plain(l.get(k)))) i = k;
        if (i >= 0 && w.get(i) instanceof Map<?, ?> m) return toSpan((Map<String, Object>) m);
      } else if (value.equals(ModelView.plain(e.getValue())) && where instanceof Map<?, ?> m) {
        return toSpan((Map<String, Object>) m);
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  static Span spanOf(Map<String, Object> node) {
    Object s = node == null ? null : node.get("span");
    return s instanceof Map<?, ?> m ? toSpan((Map<String, Object>) m) : Span.START;
  }

  /** A position of the model (ModelView only writes valid ones); anything else is the start of the file. */
  private static Span toSpan(Map<String, Object> m) {
    if (m instanceof ModelView.SpanMap s && s.origin() != null) return s.origin();
    Map<Object, Span> origins = ORIGINS.get();
    Span origin = origins == null ? null : origins.get(m);
    if (origin != null) return origin;
    int line = num(m.get("line"));
    int column = num(m.get("column"));
    int endLine = num(m.get("endLine"));
    int endColumn = num(m.get("endColumn"));
    boolean valid =
        line >= 1 && column >= 1 && (endLine > line || (endLine == line && endColumn >= column));
    return valid ? Span.START.resized(line, column, endLine, endColumn) : Span.START;
  }

  private static int num(Object o) {
    return o instanceof Number n && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE
        ? n.intValue()
        : 0;
  }
}
