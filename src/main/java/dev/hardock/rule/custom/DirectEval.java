package dev.hardock.rule.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second evaluator of a checked CEL expression, for the constructs custom rules are made of: it reads the
 * model's own maps and lists directly, through a tree of small closures planned once per expression, where
 * cel-java's planner runtime wraps each value it reads, converts it and dispatches each call through its
 * overload tables (and takes half a second of CPU to build, with its classes' compilation on top).
 *
 * <p>It is exact where it answers and gives up everywhere else. An expression using anything it does not know
 * (another function, a map or message literal, a macro other than {@code exists}, {@code all},
 * {@code exists_one}, {@code map} and {@code filter}, a constant other than a bool, int or string) is not planned
 * at all: cel-java evaluates it, as before. A planned expression that meets, on some node, anything where CEL
 * would fail or where the answer depends on CEL's finer rules (a missing field, a value of another type, a
 * comparison of values of two types, an overflow, a map as a range, the iteration, read or concatenation
 * limits) gives up on that node ({@link #BAIL}) and cel-java evaluates it from the start. So where this
 * evaluator gives a value, it is the value CEL gives, with the same counts of iterations and model reads
 * (DirectEvalTest compares the two on random expressions over random models), with one exception: the lists
 * a condition builds ({@code map}, {@code filter}, literals) are built here in time and memory linear in the
 * iterations, elements shared, where cel-java copies a macro's result at each step and charges lists of shared
 * lists as if unshared, so that over very long lists (a map over more than ~2,800 nodes) or deep chains of
 * maps it fails on its budget (CelGrowthTest) where this evaluator answers.
 *
 * <p>Evaluation order follows CEL's: {@code &&} and {@code ||} from the left, stopping at the first false
 * (true) operand; a comprehension reads each element and counts its iteration before it tests its loop
 * condition, as cel-java's fold does.
 */
final class DirectEval {
  private DirectEval() {}

  /** What an evaluation gives where it cannot tell what CEL would give. */
  static final Object BAIL = new Object();

  /** Thrown inside an evaluation that gives up; caught by {@link Plan#eval}. */
  private static final class Bail extends RuntimeException {
    private static final Bail INSTANCE = new Bail();

    private Bail() {
      super(null, null, false, false);
    }
  }

  private static Bail bail() {
    return Bail.INSTANCE;
  }

  /** One evaluation's state: the variables, the comprehension variables' slots, its counts. */
  private static final class Frame {
    final Map<String, Object> vars;
    final Object[] slots;
    long iterations;
    long built;

    /** The work charged ({@link CelExpressions#MAX_WORK}), and how much this evaluation may do. */
    long work;

    final long workLimit;

    /** {@link CustomRules#counters}: the rule's reads and work on the file, or null. */
    final long[] counters;

    Frame(Map<String, Object> vars, int slots, long[] counters) {
      this.vars = vars;
      this.slots = new Object[slots];
      this.counters = counters;
      this.workLimit =
          Math.min(
              CelExpressions.MAX_WORK,
              CelExpressions.MAX_FILE_WORK - (counters == null ? 0 : counters[1]));
    }
  }

  private interface Ev {
    Object eval(Frame f);
  }

  /** A planned expression. */
  static final class Plan {
    private final Ev root;
    private final int slots;
    private final boolean condition;

    private Plan(Ev root, int slots, boolean condition) {
      this.root = root;
      this.slots = slots;
      this.condition = condition;
    }

    /**
     * The expression's value over {@code vars} (a map, list, string, Long or Boolean of the model or made by
     * the expression), or {@link #BAIL}: then nothing it counted stays counted (the model reads of
     * {@link CustomRules#read}), and cel-java evaluates the expression.
     */
    Object eval(Map<String, Object> vars) {
      // once, from the variables where CustomRules ran them: a thread-local lookup per read (or per
      // evaluation) added up
      long[] counters =
          vars instanceof CustomRules.Scope scope && scope.counters != null
              ? scope.counters
              : CustomRules.counters();
      long reads = counters == null ? 0 : counters[0];
      if (counters != null && counters[1] >= CelExpressions.MAX_FILE_WORK)
        return BAIL; // cel-java fails at once
      try {
        Frame f = new Frame(vars, slots, counters);
        Object v = root.eval(f);
        if (condition && !(v instanceof Boolean)) throw bail();
        if (counters != null) counters[1] += f.work + f.built;
        if (!(vars instanceof CustomRules.Scope)) CelExpressions.directWork(f.work); // for tests
        return v;
      } catch (RuntimeException
          | StackOverflowError e) { // Bail, or anything CEL may judge otherwise
        if (counters != null) counters[0] = reads;
        return BAIL;
      }
    }
  }

  /**
   * Plans a checked expression whose free variables are {@code variables}; null when it uses anything this
   * evaluator does not know. {@code condition}: its value must be a bool (else it gives up); only a condition
   * may build lists (literals of non-constant values, {@code map}, {@code filter}): a message's or position's
   * value is shown or walked after the evaluation, where a list built of shared lists could be exponentially
   * large (cel-java charges such lists to the evaluation's budget as if unshared; this evaluator does not).
   */
  static Plan plan(CelAbstractSyntaxTree ast, List<String> variables, boolean condition) {
    try {
      Planner p = new Planner(ast, variables, condition);
      Ev root = p.plan(ast.getExpr(), 0);
      return new Plan(root, p.maxSlots, condition);
    } catch (Unsupported e) {
      return null;
    }
  }

  private static final class Unsupported extends Exception {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** A list an expression built (a literal, a map's or filter's result): reading it reads no model. */
  private static final class Built extends AbstractList<Object> implements java.util.RandomAccess {
    private final Object[] items;
    private final int size;

    Built(Object[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    public Object get(int i) {
      if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
      return items[i];
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Element {@code i} of a list, read as CEL reads it (a list of the model counts a read per element). */
  private static Object element(Frame f, List<?> l, int i) {
    return ModelView.plain(elementAsHeld(f, l, i));
  }

  /** As {@link #element}, a text of the view as the view holds it (maybe not masked yet). */
  private static Object elementAsHeld(Frame f, List<?> l, int i) {
    if (l instanceof Built b) return b.items[i];
    read(f);
    return l.get(i);
  }

  /** Counts a read of the model as CustomRules.read does (past its cap, cel-java fails: this gives up). */
  private static void read(Frame f) {
    long[] c = f.counters;
    if (c != null && ++c[0] > CustomRules.MAX_READS) throw bail();
  }

  /**
   * Charges {@code work} to the evaluation's budget, as cel-java's functions are charged
   * ({@link CelExpressions#chargeWork}): past it, or past what the rule may still do on the file, it gives up.
   */
  private static void work(Frame f, long work) {
    if (f.work + work > f.workLimit) throw bail();
    f.work += work;
  }

  private static long tick(Frame f) {
    if (++f.iterations > CelExpressions.MAX_ITERATIONS) throw bail();
    return f.iterations;
  }

  private static boolean bool(Object v) {
    if (v instanceof Boolean b) return b;
    throw bail();
  }

  /** CEL's equality where both sides are strings, ints or bools; anything else gives up. */
  private static boolean eq(Object a, Object b) {
    if (a instanceof String s && b instanceof String t) return s.equals(t);
    if (a instanceof Long x && b instanceof Long y) return x.longValue() == y.longValue();
    if (a instanceof Boolean x && b instanceof Boolean y)
      return x.booleanValue() == y.booleanValue();
    throw bail();
  }

  private static final class Planner {
    private final CelAbstractSyntaxTree ast;
    private final List<String> variables;
    private final boolean shapes;
    private final Map<String, Integer> scope = new HashMap<>();
    private int slots;
    int maxSlots;

    Planner(CelAbstractSyntaxTree ast, List<String> variables, boolean shapes) {
      this.ast = ast;
      this.variables = variables;
      this.shapes = shapes;
    }

    /**
     * The overloads the checker allows a call (for a dyn operand, all of the function's): at run time the
     * value's type must be one of them, as cel-java dispatches only among those ({@code "x" in
     * daemon.settings} fails there when settings is not a map, even if it is a list).
     */
    private java.util.Set<String> overloads(CelExpr e) throws Unsupported {
      java.util.Optional<dev.cel.common.ast.CelReference> ref = ast.getReference(e.id());
      if (ref.isEmpty() || ref.get().overloadIds().isEmpty()) throw new Unsupported();
      return java.util.Set.copyOf(ref.get().overloadIds());
    }

    Ev plan(CelExpr e, int depth) throws Unsupported {
      if (depth > CelExpressions.MAX_DEPTH * 4) throw new Unsupported();
      switch (e.getKind()) {
        case CONSTANT -> {
          Object c = constant(e.constant());
          return f -> c;
        }
        case IDENT -> {
          return ident(e.ident().name());
        }
        case SELECT -> {
          return select(e, depth);
        }
        case CALL -> {
          return call(e, depth);
        }
        case LIST -> {
          return list(e, depth);
        }
        case COMPREHENSION -> {
          return comprehension(e, depth);
        }
        default -> throw new Unsupported();
      }
    }

    private static Object constant(CelConstant c) throws Unsupported {
      return switch (c.getKind()) {
        case BOOLEAN_VALUE -> c.booleanValue();
        case INT64_VALUE -> c.int64Value();
        case STRING_VALUE -> c.stringValue();
        default -> throw new Unsupported();
      };
    }

    private Ev ident(String name) throws Unsupported {
      Integer slot = scope.get(name);
      if (slot != null) {
        int s = slot;
        return f -> f.slots[s];
      }
      if (!variables.contains(name)) throw new Unsupported();
      return f -> {
        Object v = f.vars.get(name);
        if (!(v instanceof Map)) throw bail();
        return v;
      };
    }

    private Ev select(CelExpr e, int depth) throws Unsupported {
      return select(e, depth, true);
    }

    /** {@code plain}: a text of the view as a string (masked now); else as the view holds it. */
    private Ev select(CelExpr e, int depth, boolean plain) throws Unsupported {
      Ev operand = plan(e.select().operand(), depth + 1);
      String field = e.select().field();
      if (e.select().testOnly()) {
        return f -> {
          if (operand.eval(f) instanceof Map<?, ?> m) return m.containsKey(field);
          throw bail();
        };
      }
      return f -> {
        if (!(operand.eval(f) instanceof Map<?, ?> m)) throw bail();
        read(f);
        Object v = m.get(field);
        if (v == null) throw bail();
        return plain ? ModelView.plain(v) : v;
      };
    }

    /**
     * As {@link #plan}, but a field's text is given as the view holds it (a {@link ModelView.Masked} not yet
     * masked, where it is one): for {@link #equalText} and {@link #inText}, which mask only where they must.
     */
    private Ev planText(CelExpr e, int depth) throws Unsupported {
      if (e.getKind() != CelExpr.ExprKind.Kind.SELECT || depth > CelExpressions.MAX_DEPTH * 4)
        return plan(e, depth);
      return select(e, depth, false);
    }

    private Ev list(CelExpr e, int depth) throws Unsupported {
      if (!e.list().optionalIndices().isEmpty()) throw new Unsupported();
      List<CelExpr> elements = e.list().elements();
      boolean constant = true;
      for (CelExpr x : elements) constant &= x.getKind() == CelExpr.ExprKind.Kind.CONSTANT;
      if (constant) {
        Object[] values = new Object[elements.size()];
        for (int i = 0; i < values.length; i++) values[i] = constant(elements.get(i).constant());
        Built b = new Built(values, values.length);
        return f -> b;
      }
      if (!shapes) throw new Unsupported();
      Ev[] evs = new Ev[elements.size()];
      for (int i = 0; i < evs.length; i++) evs[i] = plan(elements.get(i), depth + 1);
      return f -> {
        Object[] values = new Object[evs.length];
        for (int i = 0; i < evs.length; i++) values[i] = evs[i].eval(f);
        return new Built(values, values.length);
      };
    }

    private Ev call(CelExpr e, int depth) throws Unsupported {
      String fn = e.call().function();
      boolean member = e.call().target().isPresent();
      List<CelExpr> args = e.call().args();
      java.util.Set<String> ids = overloads(e);
      // startsWith and endsWith are given a field's text as the view holds it (affix below)
      Ev target =
          !member
              ? null
              : fn.equals("startsWith") || fn.equals("endsWith")
                  ? planText(e.call().target().get(), depth + 1)
                  : plan(e.call().target().get(), depth + 1);
      if (member) {
        return member(fn, ids, target, args, depth);
      }
      switch (args.size()) {
        case 1 -> {
          Ev a = plan(args.get(0), depth + 1);
          switch (fn) {
            case "!_" -> {
              return f -> !bool(a.eval(f));
            }
            case "-_" -> {
              need(ids, "negate_int64");
              return f -> {
                if (a.eval(f) instanceof Long x) return Math.negateExact(x);
                throw bail();
              };
            }
            case "size" -> {
              int sizes = sizes(ids, "size_string", "size_list", "size_map");
              return f -> size(f, a.eval(f), sizes);
            }
            case "dyn" -> {
              return a;
            }
            default -> throw new Unsupported();
          }
        }
        case 2 -> {
          if (fn.equals("matches")) {
            need(ids, "matches");
            return matches(plan(args.get(0), depth + 1), args.get(1));
          }
          if (fn.equals("_==_") || fn.equals("_!=_") || fn.equals("@in")) {
            // texts of the model compared as they are, masked only where that could change the
            // answer (ModelView.Masked#is)
            Ev a = planText(args.get(0), depth + 1);
            Ev b = planText(args.get(1), depth + 1);
            boolean inList = ids.contains("in_list");
            boolean inMap = ids.contains("in_map");
            return switch (fn) {
              case "_==_" -> f -> equalText(f, a.eval(f), b.eval(f));
              case "_!=_" -> f -> !equalText(f, a.eval(f), b.eval(f));
              default -> f -> inText(f, a.eval(f), b.eval(f), inList, inMap);
            };
          }
          Ev a = plan(args.get(0), depth + 1);
          Ev b = plan(args.get(1), depth + 1);
          return binary(fn, ids, a, b);
        }
        case 3 -> {
          if (!fn.equals("_?_:_")) throw new Unsupported();
          Ev c = plan(args.get(0), depth + 1);
          Ev t = plan(args.get(1), depth + 1);
          Ev o = plan(args.get(2), depth + 1);
          return f -> bool(c.eval(f)) ? t.eval(f) : o.eval(f);
        }
        default -> throw new Unsupported();
      }
    }

    private static Ev binary(String fn, java.util.Set<String> ids, Ev a, Ev b) throws Unsupported {
      switch (fn) {
        case "_<_" -> need(ids, "less_int64");
        case "_<=_" -> need(ids, "less_equals_int64");
        case "_>_" -> need(ids, "greater_int64");
        case "_>=_" -> need(ids, "greater_equals_int64");
        case "_-_" -> need(ids, "subtract_int64");
        default -> {}
      }
      boolean inList = ids.contains("in_list");
      boolean inMap = ids.contains("in_map");
      boolean addInt = ids.contains("add_int64");
      boolean addString = ids.contains("add_string");
      boolean indexList = ids.contains("index_list");
      boolean indexMap = ids.contains("index_map");
      return switch (fn) {
        case "_&&_" ->
            f -> {
              if (!bool(a.eval(f))) return Boolean.FALSE;
              return bool(b.eval(f));
            };
        case "_||_" ->
            f -> {
              if (bool(a.eval(f))) return Boolean.TRUE;
              return bool(b.eval(f));
            };
        case "_==_" -> f -> equal(f, a.eval(f), b.eval(f));
        case "_!=_" -> f -> !equal(f, a.eval(f), b.eval(f));
        case "_<_" -> f -> compare(a.eval(f), b.eval(f)) < 0;
        case "_<=_" -> f -> compare(a.eval(f), b.eval(f)) <= 0;
        case "_>_" -> f -> compare(a.eval(f), b.eval(f)) > 0;
        case "_>=_" -> f -> compare(a.eval(f), b.eval(f)) >= 0;
        case "@in" -> f -> in(f, a.eval(f), b.eval(f), inList, inMap);
        case "_+_" -> f -> add(f, a.eval(f), b.eval(f), addInt, addString);
        case "_-_" ->
            f -> {
              if (a.eval(f) instanceof Long x && b.eval(f) instanceof Long y)
                return Math.subtractExact(x, y);
              throw bail();
            };
        case "_[_]" -> f -> index(f, a.eval(f), b.eval(f), indexList, indexMap);
        default -> throw new Unsupported();
      };
    }

    private Ev member(
        String fn, java.util.Set<String> ids, Ev target, List<CelExpr> args, int depth)
        throws Unsupported {
      if (args.isEmpty()) {
        switch (fn) {
          case "size" -> {
            int sizes = sizes(ids, "string_size", "list_size", "map_size");
            return f -> size(f, target.eval(f), sizes);
          }
          case "upperAscii" -> {
            need(ids, "string_upper_ascii");
            return f -> {
              String s = string(target.eval(f));
              work(f, s.length());
              return built(f, com.google.common.base.Ascii.toUpperCase(s));
            };
          }
          case "lowerAscii" -> {
            need(ids, "string_lower_ascii");
            return f -> {
              String s = string(target.eval(f));
              work(f, s.length());
              return built(f, com.google.common.base.Ascii.toLowerCase(s));
            };
          }
          default -> throw new Unsupported();
        }
      }
      if (args.size() != 1) throw new Unsupported();
      if (fn.equals("matches")) {
        need(ids, "matches_string");
        return matches(target, args.get(0));
      }
      Ev a = plan(args.get(0), depth + 1);
      switch (fn) {
        case "startsWith" -> {
          need(ids, "starts_with_string");
          return f -> affix(f, target.eval(f), a.eval(f), true);
        }
        case "endsWith" -> {
          need(ids, "ends_with_string");
          return f -> affix(f, target.eval(f), a.eval(f), false);
        }
        case "contains" -> {
          need(ids, "contains_string");
          return f -> {
            String s = string(target.eval(f));
            String t = string(a.eval(f));
            work(f, CelExpressions.searchWork(s, t));
            return CelExpressions.contains(s, t);
          };
        }
        default -> throw new Unsupported();
      }
    }

    private static void need(java.util.Set<String> ids, String overload) throws Unsupported {
      if (!ids.contains(overload)) throw new Unsupported();
    }

    /** Which of size's overloads the checker allows: bits for string (1), list (2), map (4). */
    private static int sizes(java.util.Set<String> ids, String string, String list, String map) {
      return (ids.contains(string) ? 1 : 0)
          | (ids.contains(list) ? 2 : 0)
          | (ids.contains(map) ? 4 : 0);
    }

    /** {@code matches} with a constant pattern, compiled once as cel-java compiles it at each call. */
    private Ev matches(Ev subject, CelExpr pattern) throws Unsupported {
      if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT
          || pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) throw new Unsupported();
      com.google.re2j.Pattern p;
      try {
        p = com.google.re2j.Pattern.compile(pattern.constant().stringValue());
      } catch (RuntimeException e) {
        throw new Unsupported();
      }
      dev.cel.common.CelOptions options = CelExpressions.RUNTIME_OPTIONS;
      int max = options.maxRegexProgramSize();
      if (max >= 0 && p.programSize() > max) throw new Unsupported();
      boolean partial = options.enableRegexPartialMatch();
      // CelExpressions.matchWork's charge, the program's size taken once
      int programSize = p.programSize();
      int patternLength = pattern.constant().stringValue().length();
      return f -> {
        String s = string(subject.eval(f));
        work(f, CelExpressions.matchWork(s.length(), programSize, patternLength));
        return partial ? p.matcher(s).find() : p.matcher(s).matches();
      };
    }

    private Ev comprehension(CelExpr e, int depth) throws Unsupported {
      CelExpr.CelComprehension c = e.comprehension();
      if (!c.iterVar2().isEmpty()) throw new Unsupported();
      String accu = c.accuVar();
      String x = c.iterVar();
      if (x.equals(accu) || variables.contains(accu)) throw new Unsupported();
      Ev range = plan(c.iterRange(), depth + 1);
      Macro m = Macro.of(c);
      if (m == null || (!shapes && (m == Macro.MAP || m == Macro.FILTER))) throw new Unsupported();
      // the iteration variable is in scope in the predicate and the mapped value only
      Integer shadowed = scope.get(x);
      int slot = slots++;
      maxSlots = Math.max(maxSlots, slots);
      scope.put(x, slot);
      Ev pred;
      Ev value;
      try {
        pred = m.predicate(c) == null ? null : plan(m.predicate(c), depth + 1);
        value = m.value(c) == null ? null : plan(m.value(c), depth + 1);
      } finally {
        if (shadowed == null) scope.remove(x);
        else scope.put(x, shadowed);
        slots--;
      }
      return switch (m) {
        case EXISTS ->
            f -> {
              List<?> l = range(range.eval(f));
              boolean found = false;
              for (int i = 0, n = l.size(); i < n; i++) {
                Object v = element(f, l, i);
                tick(f);
                if (found) break;
                f.slots[slot] = v;
                found = bool(pred.eval(f));
              }
              return found;
            };
        case ALL ->
            f -> {
              List<?> l = range(range.eval(f));
              boolean all = true;
              for (int i = 0, n = l.size(); i < n; i++) {
                Object v = element(f, l, i);
                tick(f);
                if (!all) break;
                f.slots[slot] = v;
                all = bool(pred.eval(f));
              }
              return all;
            };
        case EXISTS_ONE ->
            f -> {
              List<?> l = range(range.eval(f));
              long count = 0;
              for (int i = 0, n = l.size(); i < n; i++) {
                Object v = element(f, l, i);
                tick(f);
                f.slots[slot] = v;
                if (bool(pred.eval(f))) count++;
              }
              return count == 1;
            };
        case MAP, FILTER ->
            f -> {
              List<?> l = range(range.eval(f));
              int n = l.size();
              Object[] out = new Object[n];
              int size = 0;
              for (int i = 0; i < n; i++) {
                Object v = element(f, l, i);
                tick(f);
                f.slots[slot] = v;
                if (pred != null && !bool(pred.eval(f))) continue;
                out[size++] = value == null ? v : value.eval(f);
              }
              return new Built(out, size);
            };
      };
    }
  }

  /** The macros cel-java expands into comprehensions, known by the shape of the expansion. */
  private enum Macro {
    EXISTS,
    ALL,
    EXISTS_ONE,
    MAP,
    FILTER;

    /** The predicate (exists, all, exists_one, filter, map with a filter), else null. */
    CelExpr predicate(CelExpr.CelComprehension c) {
      return switch (this) {
        case EXISTS, ALL -> c.loopStep().call().args().get(1);
        case EXISTS_ONE -> c.loopStep().call().args().get(0);
        case MAP, FILTER -> {
          CelExpr step = c.loopStep();
          yield step.call().function().equals("_?_:_") ? step.call().args().get(0) : null;
        }
      };
    }

    /** The value appended (map), else null (filter appends the element itself). */
    CelExpr value(CelExpr.CelComprehension c) {
      if (this != MAP && this != FILTER) return null;
      CelExpr step = c.loopStep();
      CelExpr add = step.call().function().equals("_?_:_") ? step.call().args().get(1) : step;
      CelExpr appended = add.call().args().get(1).list().elements().get(0);
      boolean element =
          appended.getKind() == CelExpr.ExprKind.Kind.IDENT
              && appended.ident().name().equals(c.iterVar());
      return this == FILTER && element ? null : appended;
    }

    static Macro of(CelExpr.CelComprehension c) {
      String a = c.accuVar();
      CelExpr init = c.accuInit();
      CelExpr cond = c.loopCondition();
      CelExpr step = c.loopStep();
      CelExpr result = c.result();
      if (isBool(init, false)
          && isCall(cond, "@not_strictly_false", 1)
          && isCall(cond.call().args().get(0), "!_", 1)
          && isIdent(cond.call().args().get(0).call().args().get(0), a)
          && isCall(step, "_||_", 2)
          && isIdent(step.call().args().get(0), a)
          && isIdent(result, a)) return EXISTS;
      if (isBool(init, true)
          && isCall(cond, "@not_strictly_false", 1)
          && isIdent(cond.call().args().get(0), a)
          && isCall(step, "_&&_", 2)
          && isIdent(step.call().args().get(0), a)
          && isIdent(result, a)) return ALL;
      if (isInt(init, 0)
          && isBool(cond, true)
          && isCall(step, "_?_:_", 3)
          && isCall(step.call().args().get(1), "_+_", 2)
          && isIdent(step.call().args().get(1).call().args().get(0), a)
          && isInt(step.call().args().get(1).call().args().get(1), 1)
          && isIdent(step.call().args().get(2), a)
          && isCall(result, "_==_", 2)
          && isIdent(result.call().args().get(0), a)
          && isInt(result.call().args().get(1), 1)) return EXISTS_ONE;
      if (isEmptyList(init) && isBool(cond, true) && isIdent(result, a)) {
        if (isAppend(step, a)) return MAP;
        if (isCall(step, "_?_:_", 3)
            && isAppend(step.call().args().get(1), a)
            && isIdent(step.call().args().get(2), a)) {
          CelExpr appended =
              step.call().args().get(1).call().args().get(1).list().elements().get(0);
          boolean element =
              appended.getKind() == CelExpr.ExprKind.Kind.IDENT
                  && appended.ident().name().equals(c.iterVar());
          return element ? FILTER : MAP;
        }
      }
      return null;
    }

    private static boolean isAppend(CelExpr e, String a) {
      return isCall(e, "_+_", 2)
          && isIdent(e.call().args().get(0), a)
          && e.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.LIST
          && e.call().args().get(1).list().elements().size() == 1
          && e.call().args().get(1).list().optionalIndices().isEmpty();
    }

    private static boolean isCall(CelExpr e, String fn, int args) {
      return e.getKind() == CelExpr.ExprKind.Kind.CALL
          && e.call().target().isEmpty()
          && e.call().function().equals(fn)
          && e.call().args().size() == args;
    }

    private static boolean isIdent(CelExpr e, String name) {
      return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
    }

    private static boolean isBool(CelExpr e, boolean v) {
      return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT
          && e.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE
          && e.constant().booleanValue() == v;
    }

    private static boolean isInt(CelExpr e, long v) {
      return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT
          && e.constant().getKind() == CelConstant.Kind.INT64_VALUE
          && e.constant().int64Value() == v;
    }

    private static boolean isEmptyList(CelExpr e) {
      return e.getKind() == CelExpr.ExprKind.Kind.LIST && e.list().elements().isEmpty();
    }
  }

  private static List<?> range(Object v) {
    if (v instanceof List<?> l) return l;
    throw bail();
  }

  private static String string(Object v) {
    if (v instanceof String s) return s;
    throw bail();
  }

  /** A string the expression made, charged to the evaluation's budget as cel-java's {@code +} is. */
  private static String built(Frame f, String s) {
    f.built += s.length();
    if (f.built > CelExpressions.MAX_CONCATENATED) throw bail();
    return s;
  }

  private static Object size(Frame f, Object v, int allowed) {
    if (v instanceof String s && (allowed & 1) != 0) {
      work(f, s.length());
      return (long) s.codePointCount(0, s.length());
    }
    if (v instanceof List<?> l && (allowed & 2) != 0) return (long) l.size();
    if (v instanceof Map<?, ?> m && (allowed & 4) != 0) return (long) m.size();
    throw bail();
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
    throw bail();
  }

  /** {@code ==} as cel-java's is charged ({@link CelExpressions#equalityWork}), then {@link #eq}. */
  private static boolean equal(Frame f, Object a, Object b) {
    work(f, CelExpressions.equalityWork(a, b));
    return eq(a, b);
  }

  /**
   * {@code text.startsWith(affix)} ({@code start}) or {@code endsWith}, the text maybe one of the view's not yet
   * masked: where it does not begin (end) with the affix, its masked form cannot either (ModelView.Masked#is).
   */
  private static boolean affix(Frame f, Object text, Object affix, boolean start) {
    if (text instanceof ModelView.Masked m) {
      String t = string(affix);
      work(f, Math.min(m.length(), t.length()));
      String raw = m.unmasked(t);
      if (raw != null && !(start ? raw.startsWith(t) : raw.endsWith(t))) return false;
      String s = m.value();
      return start ? s.startsWith(t) : s.endsWith(t);
    }
    String s = string(text);
    String t = string(affix);
    work(f, CelExpressions.affixWork(s, t));
    return start ? s.startsWith(t) : s.endsWith(t);
  }

  /** {@link #equal} of values that may be texts of the view not yet masked. */
  private static boolean equalText(Frame f, Object a, Object b) {
    if (a instanceof ModelView.Masked m && b instanceof String s) {
      work(f, Math.min(m.length(), s.length()));
      return m.is(s);
    }
    if (b instanceof ModelView.Masked m && a instanceof String s) {
      work(f, Math.min(m.length(), s.length()));
      return m.is(s);
    }
    return equal(f, ModelView.plain(a), ModelView.plain(b));
  }

  /** {@link #in} of values that may be texts of the view not yet masked (the list's elements too). */
  private static boolean inText(
      Frame f, Object value, Object collection, boolean list, boolean map) {
    if (collection instanceof List<?> l
        && list
        && (value instanceof String || value instanceof ModelView.Masked)) {
      if (value instanceof ModelView.Masked m) work(f, (long) l.size() * (1 + m.length()));
      else work(f, CelExpressions.inWork(value, l));
      int n = l.size();
      for (int i = 0; i < n; i++) {
        Object x = elementAsHeld(f, l, i);
        if (x instanceof ModelView.Masked m) {
          if (value instanceof String s ? m.is(s) : m.value().equals(ModelView.plain(value)))
            return true;
        } else if (value instanceof ModelView.Masked m) {
          if (!(x instanceof String s)) throw bail(); // eq: another type
          if (m.is(s)) return true;
        } else if (eq(value, x)) {
          return true;
        }
      }
      return false;
    }
    return in(f, ModelView.plain(value), collection, list, map);
  }

  private static boolean in(Frame f, Object value, Object collection, boolean list, boolean map) {
    if (collection instanceof List<?> l && list) {
      work(f, CelExpressions.inWork(value, l));
      int n = l.size();
      for (int i = 0; i < n; i++) if (eq(value, element(f, l, i))) return true;
      // cel-java looks for a number a second time, by numeric equality: its reads are counted
      if (value instanceof Long) for (int i = 0; i < n; i++) eq(value, element(f, l, i));
      return false;
    }
    if (collection instanceof Map<?, ?> m && map && value instanceof String s) {
      read(f); // cel-java looks the key up: a read
      return m.get(s) != null;
    }
    throw bail();
  }

  private static Object add(Frame f, Object a, Object b, boolean ints, boolean strings) {
    if (a instanceof Long x && b instanceof Long y && ints) return Math.addExact(x, y);
    if (a instanceof String s && b instanceof String t && strings) {
      f.built += (long) s.length() + t.length();
      if (f.built > CelExpressions.MAX_CONCATENATED) throw bail();
      return s.concat(t);
    }
    throw bail();
  }

  private static Object index(Frame f, Object container, Object key, boolean list, boolean map) {
    if (container instanceof List<?> l && list && key instanceof Long i) {
      if (i < 0 || i >= l.size()) throw bail();
      return element(f, l, (int) (long) i);
    }
    if (container instanceof Map<?, ?> m && map && key instanceof String k) {
      read(f);
      Object v = m.get(k);
      if (v == null) throw bail();
      return ModelView.plain(v);
    }
    throw bail();
  }
}
