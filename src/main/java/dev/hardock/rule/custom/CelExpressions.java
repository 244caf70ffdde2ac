package dev.hardock.rule.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
   * exhausted a 5 GB heap), and the iteration cap does not bound the size of values. In a class of its own:
   * the extension's enum builds all its functions' bindings when first touched (10 ms of a start-up that reads
   * its checked expressions back and never needs them).
   */
  static final class Strings {
    static final java.util.Set<dev.cel.extensions.CelStringExtensions.Function> SAFE =
        java.util.EnumSet.complementOf(
            java.util.EnumSet.of(
                dev.cel.extensions.CelStringExtensions.Function.REPLACE,
                dev.cel.extensions.CelStringExtensions.Function.JOIN,
                dev.cel.extensions.CelStringExtensions.Function.QUOTE));

    private Strings() {}
  }

  static final CelOptions OPTIONS =
      CelOptions.current()
          .comprehensionMaxIterations(MAX_ITERATIONS)
          .maxParseRecursionDepth(MAX_DEPTH)
          .build();

  /** The runtime's options (DirectEval reads its regular-expression settings from them). */
  static final CelOptions RUNTIME_OPTIONS =
      OPTIONS.toBuilder().enableHeterogeneousNumericComparisons(true).build();

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
   * <p>Building it (CEL's standard functions, protobuf's well-known types) costs about half a second: it is
   * built only when an expression or a node needs it ({@link DirectEval} evaluates the others), by the lint
   * worker that needs it while the others go on linting, and a rule's program is made from its checked
   * expression on its first evaluation by it.
   */
  private static final FutureTask<CelRuntime> RUNTIME =
      new FutureTask<>(
          () ->
              CelRuntimeFactory.plannerRuntimeBuilder()
                  .setOptions(RUNTIME_OPTIONS)
                  .setStandardFunctions(
                      dev.cel.runtime.CelStandardFunctions.newBuilder()
                          .filterFunctions((f, o) -> !rebound(o))
                          .build())
                  .addFunctionBindings(chargedBindings(RUNTIME_OPTIONS))
                  .addLibraries(new WorkCharged())
                  .build());

  /**
   * The standard overloads rebound by {@link #chargedBindings}: every overload of {@code _+_}, {@code string()}
   * and {@code bytes()}, so that each function keeps all its overloads under its name (a call on a {@code dyn}
   * value is dispatched by the function's name at run time).
   */
  private static boolean rebound(dev.cel.runtime.standard.CelStandardOverload o) {
    return o instanceof dev.cel.runtime.standard.AddOperator.AddOverload
        || o instanceof dev.cel.runtime.standard.StringFunction.StringOverload
        || o instanceof dev.cel.runtime.standard.BytesFunction.BytesOverload
        || WORKED.containsKey(o.getClass());
  }

  /**
   * The standard functions whose work is charged ({@link #workBindings}), by the class of their overloads: each
   * function's name and what one call costs.
   */
  private static final Map<Class<?>, Map.Entry<String, Work>> WORKED =
      Map.ofEntries(
          Map.entry(
              dev.cel.runtime.standard.EqualsOperator.EqualsOverload.class,
              Map.entry("_==_", a -> equalityWork(a[0], a[1]))),
          Map.entry(
              dev.cel.runtime.standard.NotEqualsOperator.NotEqualsOverload.class,
              Map.entry("_!=_", a -> equalityWork(a[0], a[1]))),
          Map.entry(
              dev.cel.runtime.standard.InOperator.InOverload.class,
              Map.entry("@in", a -> a[1] instanceof List<?> l ? inWork(a[0], l) : 0)),
          Map.entry(
              dev.cel.runtime.standard.LessOperator.LessOverload.class,
              Map.entry("_<_", a -> equalityWork(a[0], a[1]))),
          Map.entry(
              dev.cel.runtime.standard.LessEqualsOperator.LessEqualsOverload.class,
              Map.entry("_<=_", a -> equalityWork(a[0], a[1]))),
          Map.entry(
              dev.cel.runtime.standard.GreaterOperator.GreaterOverload.class,
              Map.entry("_>_", a -> equalityWork(a[0], a[1]))),
          Map.entry(
              dev.cel.runtime.standard.GreaterEqualsOperator.GreaterEqualsOverload.class,
              Map.entry("_>=_", a -> equalityWork(a[0], a[1]))),
          Map.entry(
              dev.cel.runtime.standard.ContainsFunction.ContainsOverload.class,
              Map.entry("contains", a -> searchWork((String) a[0], (String) a[1]))),
          Map.entry(
              dev.cel.runtime.standard.StartsWithFunction.StartsWithOverload.class,
              Map.entry("startsWith", a -> affixWork((String) a[0], (String) a[1]))),
          Map.entry(
              dev.cel.runtime.standard.EndsWithFunction.EndsWithOverload.class,
              Map.entry("endsWith", a -> affixWork((String) a[0], (String) a[1]))),
          Map.entry(
              dev.cel.runtime.standard.MatchesFunction.MatchesOverload.class,
              Map.entry("matches", a -> matchWork((String) a[0], (String) a[1]))),
          Map.entry(
              dev.cel.runtime.standard.SizeFunction.SizeOverload.class,
              Map.entry("size", a -> a[0] instanceof String s ? s.length() : 0)),
          // conversions from strings parse them (double() reads every digit)
          Map.entry(
              dev.cel.runtime.standard.IntFunction.IntOverload.class,
              Map.entry("int", CelExpressions::inputWork)),
          Map.entry(
              dev.cel.runtime.standard.UintFunction.UintOverload.class,
              Map.entry("uint", CelExpressions::inputWork)),
          Map.entry(
              dev.cel.runtime.standard.DoubleFunction.DoubleOverload.class,
              Map.entry("double", CelExpressions::inputWork)),
          Map.entry(
              dev.cel.runtime.standard.BoolFunction.BoolOverload.class,
              Map.entry("bool", CelExpressions::inputWork)),
          Map.entry(
              dev.cel.runtime.standard.TimestampFunction.TimestampOverload.class,
              Map.entry("timestamp", CelExpressions::inputWork)),
          Map.entry(
              dev.cel.runtime.standard.DurationFunction.DurationOverload.class,
              Map.entry("duration", CelExpressions::inputWork)));

  /** What one call of a function costs, from its arguments ({@link #MAX_WORK}). */
  private interface Work {
    long of(Object[] args);
  }

  /**
   * A runtime library only so as to be handed the runtime's own equality (cel-java's {@code ==}, {@code !=} and
   * {@code in} are made with it): it adds {@link #workBindings}.
   */
  private static final class WorkCharged implements dev.cel.runtime.CelInternalRuntimeLibrary {
    @Override
    public void setRuntimeOptions(dev.cel.runtime.CelRuntimeBuilder builder) {
      throw new UnsupportedOperationException("needs the runtime's equality");
    }

    @Override
    public void setRuntimeOptions(
        dev.cel.runtime.CelRuntimeBuilder builder,
        dev.cel.runtime.RuntimeEquality equality,
        CelOptions options) {
      builder.addFunctionBindings(workBindings(options, equality));
    }
  }

  /**
   * Every overload of the functions that compare, search or measure strings ({@link #WORKED}), cel-java's own
   * implementation charged its work before it runs ({@link #chargeWork}), except {@code contains} on strings:
   * {@link #contains}, linear where {@code String.contains} is not (same answer). Each function keeps all its
   * overloads under its name, as in {@link #chargedBindings}.
   */
  static List<dev.cel.runtime.CelFunctionBinding> workBindings(
      CelOptions options, dev.cel.runtime.RuntimeEquality equality) {
    Map<String, List<dev.cel.runtime.CelFunctionBinding>> byFunction =
        new java.util.LinkedHashMap<>();
    List<dev.cel.runtime.standard.CelStandardOverload> all = new java.util.ArrayList<>();
    for (Class<?> overloads : WORKED.keySet())
      for (Object o : overloads.getEnumConstants())
        all.add((dev.cel.runtime.standard.CelStandardOverload) o);
    for (dev.cel.runtime.standard.CelStandardOverload o : all) {
      Map.Entry<String, Work> w = WORKED.get(o.getClass());
      dev.cel.runtime.CelFunctionBinding b =
          o == dev.cel.runtime.standard.ContainsFunction.ContainsOverload.CONTAINS_STRING
              ? dev.cel.runtime.CelFunctionBinding.from(
                  "contains_string", String.class, String.class, CelExpressions::contains)
              : o.newFunctionBinding(options, equality);
      byFunction
          .computeIfAbsent(w.getKey(), k -> new java.util.ArrayList<>())
          .add(worked(b, w.getValue(), false));
    }
    return byName(byFunction);
  }

  /**
   * Every function of the runtime that builds a string, bytes or a list, bound so that what it builds is charged
   * to the evaluation's budget ({@link #charge}): {@code +} of strings and lists by {@link #concat} (charged
   * before it copies), the other overloads of {@code _+_}, {@code string()} and {@code bytes()} and the string
   * extension's functions (lowerAscii, upperAscii, trim, reverse, substring, charAt, split; indexOf and
   * lastIndexOf build nothing) by {@link #charged(Object)} after CEL's own implementation ran, unchanged. The
   * iteration cap alone let {@code list.map(x, text.lowerAscii())} keep 100,000 copies of a long text.
   */
  static List<dev.cel.runtime.CelFunctionBinding> chargedBindings(CelOptions options) {
    // no RuntimeEquality: these overloads compare nothing (CelBuiltValuesTest runs each of them)
    java.util.Map<String, List<dev.cel.runtime.CelFunctionBinding>> byFunction =
        new java.util.LinkedHashMap<>();
    List<dev.cel.runtime.CelFunctionBinding> standard = new java.util.ArrayList<>();
    for (var o : dev.cel.runtime.standard.AddOperator.AddOverload.values()) {
      if (o == dev.cel.runtime.standard.AddOperator.AddOverload.ADD_STRING)
        standard.add(
            dev.cel.runtime.CelFunctionBinding.from(
                "add_string", String.class, String.class, CelExpressions::concat));
      else if (o == dev.cel.runtime.standard.AddOperator.AddOverload.ADD_LIST)
        standard.add(
            dev.cel.runtime.CelFunctionBinding.from(
                "add_list", List.class, List.class, CelExpressions::concat));
      else if (o == dev.cel.runtime.standard.AddOperator.AddOverload.ADD_BYTES)
        standard.add(charged(o.newFunctionBinding(options, null)));
      else standard.add(o.newFunctionBinding(options, null)); // numbers, times: nothing to charge
    }
    byFunction.put("_+_", standard);
    standard = new java.util.ArrayList<>();
    for (var o : dev.cel.runtime.standard.StringFunction.StringOverload.values())
      standard.add(charged(o.newFunctionBinding(options, null)));
    byFunction.put("string", standard);
    standard = new java.util.ArrayList<>();
    for (var o : dev.cel.runtime.standard.BytesFunction.BytesOverload.values())
      standard.add(charged(o.newFunctionBinding(options, null)));
    byFunction.put("bytes", standard);
    for (dev.cel.runtime.CelFunctionBinding b : stringExtension()) {
      // the extension's bindings come grouped by function: each overload under its function's name,
      // and one
      // that dispatches by the name (its overload id is the name), made again from the charged
      // overloads
      if (!(b instanceof dev.cel.runtime.InternalCelFunctionBinding named))
        throw new IllegalStateException("unnamed string function " + b.getOverloadId());
      if (named.getOverloadId().equals(named.getFunctionName())) continue;
      String fn = named.getFunctionName();
      Work work =
          fn.equals("indexOf") || fn.equals("lastIndexOf")
              ? a -> indexWork(a)
              : CelExpressions::inputWork;
      byFunction.computeIfAbsent(fn, k -> new java.util.ArrayList<>()).add(worked(b, work, true));
    }
    return byName(byFunction);
  }

  /**
   * Each function's overloads bound under its name too ({@code fromOverloads}): a call on a {@code dyn} value is
   * dispatched by the function's name at run time, among all of them.
   */
  private static List<dev.cel.runtime.CelFunctionBinding> byName(
      Map<String, List<dev.cel.runtime.CelFunctionBinding>> byFunction) {
    List<dev.cel.runtime.CelFunctionBinding> out = new java.util.ArrayList<>();
    byFunction.forEach(
        (name, overloads) ->
            out.addAll(dev.cel.runtime.CelFunctionBinding.fromOverloads(name, overloads)));
    return out;
  }

  /**
   * The string extension's bindings ({@link Strings#SAFE}), as the library hands them to a runtime
   * builder (cel-java keeps them private): a builder that only records them, and refuses anything else the
   * library would set (a later version's library would then fail loudly when the runtime is built).
   */
  private static List<dev.cel.runtime.CelFunctionBinding> stringExtension() {
    List<dev.cel.runtime.CelFunctionBinding> out = new java.util.ArrayList<>();
    dev.cel.runtime.CelRuntimeBuilder recorder =
        (dev.cel.runtime.CelRuntimeBuilder)
            java.lang.reflect.Proxy.newProxyInstance(
                dev.cel.runtime.CelRuntimeBuilder.class.getClassLoader(),
                new Class<?>[] {dev.cel.runtime.CelRuntimeBuilder.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("addFunctionBindings") || args.length != 1)
                    throw new UnsupportedOperationException(
                        "the string extension sets " + method.getName());
                  Iterable<?> bindings =
                      args[0] instanceof Object[] a ? List.of(a) : (Iterable<?>) args[0];
                  for (Object b : bindings) out.add((dev.cel.runtime.CelFunctionBinding) b);
                  return proxy;
                });
    CelExtensions.strings(Strings.SAFE).setRuntimeOptions(recorder);
    return out;
  }

  /**
   * {@code b}, its result charged ({@link #charged(Object)}); strict as {@code b} is. Unary and binary overloads
   * are bound as such: cel-java's dispatch by name calls them through its own two-argument form.
   */
  private static dev.cel.runtime.CelFunctionBinding charged(dev.cel.runtime.CelFunctionBinding b) {
    return worked(b, a -> 0, true);
  }

  /**
   * {@code b}, its work ({@code work} of its arguments) charged before it runs ({@link #chargeWork}) and, if
   * {@code built}, its result charged after ({@link #charged(Object)}); strict as {@code b} is.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static dev.cel.runtime.CelFunctionBinding worked(
      dev.cel.runtime.CelFunctionBinding b, Work work, boolean built) {
    if (!b.isStrict()) throw new IllegalStateException("non-strict " + b.getOverloadId());
    dev.cel.runtime.CelFunctionOverload f = b.getDefinition();
    List<Class<?>> types = b.getArgTypes();
    String id = b.getOverloadId();
    dev.cel.runtime.CelFunctionOverload g =
        args -> {
          chargeWork(work.of(args));
          Object v = f.apply(args);
          return built ? charged(v) : v;
        };
    return switch (types.size()) {
      case 1 ->
          dev.cel.runtime.CelFunctionBinding.from(
              id,
              (Class) types.get(0),
              (dev.cel.runtime.CelFunctionOverload.Unary) x -> g.apply(new Object[] {x}));
      case 2 ->
          dev.cel.runtime.CelFunctionBinding.from(
              id,
              (Class) types.get(0),
              (Class) types.get(1),
              (dev.cel.runtime.CelFunctionOverload.Binary) (x, y) -> g.apply(new Object[] {x, y}));
      default -> dev.cel.runtime.CelFunctionBinding.from(id, types, g);
    };
  }

  /**
   * What an evaluation may build ({@code +} of strings and lists, and every function that makes a string, bytes
   * or a list): characters, bytes and elements of every result, summed. The iteration cap does not bound it:
   * {@code [s].map(x, x + x).map(x, x + x)...} doubles a string at each of a few iterations (thirty of them
   * filled a 5 GB heap), {@code list.map(x, text.lowerAscii())} keeps a copy of the text per element.
   */
  static final long MAX_CONCATENATED = 4_000_000;

  /** What the evaluation running on this thread has built so far. */
  private static final ThreadLocal<long[]> CONCATENATED =
      ThreadLocal.withInitial(() -> new long[1]);

  /** What the evaluation on this thread has been charged so far (tests count work with it). */
  static long chargedSoFar() {
    return CONCATENATED.get()[0];
  }

  private static void charge(long size) throws CelEvaluationException {
    long[] used = CONCATENATED.get();
    used[0] += size;
    if (used[0] > MAX_CONCATENATED)
      throw new CelEvaluationException(
          "the values the expression builds exceed "
              + MAX_CONCATENATED
              + " characters or elements");
  }

  /**
   * What an evaluation may touch: characters, bytes and elements that its comparisons ({@code ==}, {@code !=},
   * {@code <}...: the shorter string; lists and maps: both, deep), searches ({@code contains}: text and needle;
   * {@code matches}: text times the pattern's program, and the pattern; {@code startsWith}, {@code endsWith}: the shorter; {@code indexOf}: text times needle),
   * measures ({@code size} of a string) and {@code in} over a list (its elements times the value) may read, and
   * the strings the string extension's functions read, summed. {@link #MAX_CONCATENATED} bounds the size of
   * values, not what is done with them: a 631-character rule doubled a text to 512 K characters, then searched
   * a 4 M text for it at each of thousands of iterations (more than five minutes on a one-line Dockerfile). Real
   * rules compare short texts a few dozen times per node (hundreds to thousands); 64 M is a fraction of a
   * second. {@link DirectEval} charges the same, so that it gives up where cel-java fails.
   */
  static final long MAX_WORK = 64_000_000;

  /**
   * What one rule may touch ({@link #MAX_WORK}) and build ({@link #MAX_CONCATENATED}) over all the nodes of one
   * file: evaluations are each bounded, but a rule on each of 10,000 instructions could spend its whole budgets
   * on each (counted in {@link CustomRules#work()}, like the model reads). An evaluation's work is checked
   * against what the rule's earlier evaluations left as it goes; what it builds is added when it ends (each
   * evaluator counts what it builds its own way: DirectEval's lists cost less), and an evaluation that starts
   * with nothing left fails at once.
   */
  static final long MAX_FILE_WORK = 4 * MAX_WORK;

  private static final String FILE_WORK_EXCEEDED =
      "the work of the rule on this file exceeds "
          + MAX_FILE_WORK
          + " characters or elements compared, searched, measured or built";

  /** This thread's evaluation: its work so far, and the rule's work on the file before it began. */
  private static final ThreadLocal<long[]> WORK = ThreadLocal.withInitial(() -> new long[2]);

  /** The work charged to the evaluation on this thread so far (tests count work with it). */
  static long workSoFar() {
    return WORK.get()[0];
  }

  /**
   * Charges a call's work before it runs; a call that would cross the budget fails and is not counted (CEL's
   * {@code all} and {@code &&} go on past an error, and each call after it fails again without running).
   */
  static void chargeWork(long work) throws CelEvaluationException {
    if (work == 0) return;
    long[] w = WORK.get();
    long next = w[0] + work;
    if (next > MAX_WORK)
      throw new CelEvaluationException(
          "the work of the expression exceeds "
              + MAX_WORK
              + " characters or elements compared, searched or measured");
    if (w[1] + next > MAX_FILE_WORK) throw new CelEvaluationException(FILE_WORK_EXCEEDED);
    w[0] = next;
  }

  /**
   * Records the work of an evaluation DirectEval answered over variables that are not a file's scope (tests:
   * {@link #workSoFar}); over CustomRules' scopes it is counted in the file's counters only.
   */
  static void directWork(long work) {
    WORK.get()[0] = work;
  }

  /** {@code ==}, {@code !=} and the orderings: the shorter of two strings or bytes; collections: both, deep. */
  static long equalityWork(Object a, Object b) {
    if (a instanceof String s && b instanceof String t) return Math.min(s.length(), t.length());
    if (a instanceof dev.cel.common.values.CelByteString x
        && b instanceof dev.cel.common.values.CelByteString y) return Math.min(x.size(), y.size());
    if (a instanceof com.google.protobuf.ByteString x
        && b instanceof com.google.protobuf.ByteString y) return Math.min(x.size(), y.size());
    if (a instanceof List || a instanceof Map || b instanceof List || b instanceof Map) {
      long da = deep(a, MAX_WORK + 1);
      return da + deep(b, MAX_WORK + 1);
    }
    return 0;
  }

  /** {@code value in list}: each element compared with the value, a string's characters each time. */
  static long inWork(Object value, List<?> list) {
    return (long) list.size() * (1 + deep(value, MAX_WORK + 1));
  }

  /**
   * {@code matches}: RE2J's automaton steps through its program's states at each character of the text (a
   * 3-character pattern over 64 M characters took 8 s): the text times the program's size, and the pattern.
   * A pattern that does not compile costs its length (cel-java then fails on it).
   */
  static long matchWork(String text, String pattern) {
    return matchWork(text.length(), programSize(pattern), pattern.length());
  }

  /** As above, from the text's length, the pattern's program size and its length. */
  static long matchWork(int textLength, int programSize, int patternLength) {
    return (long) textLength * (1 + programSize) + patternLength;
  }

  /** The size of a pattern's program as RE2J compiles it (as cel-java does), remembered; -1 if invalid. */
  static int programSize(String pattern) {
    Integer known = PROGRAM_SIZES.get(pattern);
    if (known != null) return known;
    int size;
    try {
      size = com.google.re2j.Pattern.compile(pattern).programSize();
    } catch (RuntimeException e) {
      size = -1;
    }
    if (PROGRAM_SIZES.size() > 1_000) PROGRAM_SIZES.clear();
    PROGRAM_SIZES.put(pattern, size);
    return size;
  }

  private static final Map<String, Integer> PROGRAM_SIZES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code contains}: the text and the needle. */
  static long searchWork(String text, String needle) {
    return (long) text.length() + needle.length();
  }

  /** {@code startsWith}, {@code endsWith}: the shorter. */
  static long affixWork(String text, String affix) {
    return Math.min(text.length(), affix.length());
  }

  /** The string extension's functions: the strings they are given, read once. */
  private static long inputWork(Object[] args) {
    long n = 0;
    for (Object a : args) if (a instanceof String s) n += s.length();
    return n;
  }

  /** {@code indexOf}, {@code lastIndexOf} (a naive search): text times needle. */
  private static long indexWork(Object[] args) {
    long n = args.length > 0 && args[0] instanceof String s ? s.length() : 0;
    long m = args.length > 1 && args[1] instanceof String t ? t.length() : 0;
    return (n + 1) * (m + 1);
  }

  /**
   * The characters, bytes and elements in {@code v}, counted as if nothing were shared, read without counting
   * model reads; at most {@code cap + 1} (the walk stops there).
   */
  static long deep(Object v, long cap) {
    long[] n = {0};
    deep(v, cap, n, 0);
    return Math.min(n[0], cap + 1);
  }

  private static void deep(Object v, long cap, long[] n, int depth) {
    if (n[0] > cap) return;
    Object raw = CelNode.raw(v);
    if (raw instanceof ModelView.Masked m) raw = m.value();
    if (raw instanceof String s) n[0] += s.length();
    else if (raw instanceof dev.cel.common.values.CelByteString b) n[0] += b.size();
    else if (raw instanceof com.google.protobuf.ByteString b) n[0] += b.size();
    else if (raw instanceof List<?> l && depth < 1_000) {
      n[0] += 1;
      for (int i = 0, size = l.size(); i < size && n[0] <= cap; i++)
        deep(l.get(i), cap, n, depth + 1);
    } else if (raw instanceof Map<?, ?> m && depth < 1_000) {
      n[0] += 1;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (n[0] > cap) return;
        deep(e.getKey(), cap, n, depth + 1);
        deep(e.getValue(), cap, n, depth + 1);
      }
    } else n[0] += 1;
  }

  /**
   * Whether {@code text} contains {@code needle}, as {@link String#contains} answers, in time linear in both:
   * a needle of up to 8 characters by String's own search (at most 8 comparisons per character of the text,
   * vectorized), a longer one by Knuth-Morris-Pratt ({@code String.contains} compares up to every character of the needle at every offset).
   */
  static boolean contains(String text, String needle) {
    int m = needle.length();
    int n = text.length();
    if (m <= 8) return text.contains(needle);
    if (m > n) return false;
    int[] border = new int[m];
    for (int i = 1, k = 0; i < m; i++) {
      while (k > 0 && needle.charAt(i) != needle.charAt(k)) k = border[k - 1];
      if (needle.charAt(i) == needle.charAt(k)) k++;
      border[i] = k;
    }
    for (int i = 0, k = 0; i < n; i++) {
      while (k > 0 && text.charAt(i) != needle.charAt(k)) k = border[k - 1];
      if (text.charAt(i) == needle.charAt(k)) k++;
      if (k == m) return true;
    }
    return false;
  }

  /** Charges a string a function built: its length. */
  static void chargeString(String s) throws CelEvaluationException {
    charge(s.length());
  }

  /** Charges a list a function built: its elements, and the characters of those that are strings. */
  static void chargeList(List<?> l) throws CelEvaluationException {
    long size = l.size();
    for (Object e : l) if (e instanceof String s) size += s.length();
    charge(size);
  }

  /** {@code v}, charged if it is a string, bytes or a list ({@link #chargeString}, {@link #chargeList}). */
  static Object charged(Object v) throws CelEvaluationException {
    if (v instanceof String s) chargeString(s);
    else if (v instanceof List<?> l) chargeList(l);
    else if (v instanceof dev.cel.common.values.CelByteString b) charge(b.size());
    else if (v instanceof com.google.protobuf.ByteString b) charge(b.size());
    return v;
  }

  private static String concat(String a, String b) throws CelEvaluationException {
    charge((long) a.length() + b.length());
    return a.concat(b);
  }

  /**
   * CEL's own concatenation, charged what it copies: an accumulator it appends to in place (a
   * ConcatenatedListView) is charged what is appended; any other list is copied, and so is a planned
   * {@code map}'s or {@code filter}'s result at each step (n elements cost about n * n / 2: a map over
   * 2,000 nodes is charged 2,000,000, one over more than 2,800 fails).
   */
  private static Object concat(List<Object> a, List<Object> b) throws CelEvaluationException {
    charge(
        a instanceof dev.cel.runtime.ConcatenatedListView<?>
            ? b.size()
            : (long) a.size() + b.size());
    // what b brings, counted unshared: [x, x] mapped in a chain doubles its weight at each step
    Map<Object, Long> seen = WEIGHED.get();
    for (Object e : b) if (e instanceof List || e instanceof Map) charge(CelNode.weight(e, seen));
    return CelNode.built(dev.cel.runtime.RuntimeHelpers.concat(a, b));
  }

  /** The weights already charged in this thread's evaluation (CelNode.weight), by identity. */
  private static final ThreadLocal<Map<Object, Long>> WEIGHED =
      ThreadLocal.withInitial(java.util.IdentityHashMap::new);

  static CelRuntime runtime() {
    try {
      RUNTIME.run(); // the first caller builds it (any other returns at once, and waits below)
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
                  .setStandardEnvironmentEnabled(false)
                  .setStandardDeclarations(standardDeclarations())
                  .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                  .setTypeProvider(types)
                  .addLibraries(CelExtensions.strings(Strings.SAFE));
          for (String v : o.variables()) b.addVar(v, types.variable(v));
          return b.build();
        });
  }

  private static dev.cel.checker.CelStandardDeclarations standard;

  /**
   * CEL's standard functions and identifiers as its checker declares them under {@link #OPTIONS}, built once for
   * every compiler: with the standard environment enabled, the checker builds them again at each check
   * (hundreds of overloads: Env.standard, a third of a check). The filter is Env.standard's: int(int) only with
   * unsigned longs, timestamp(int) only with epoch timestamps, comparisons of an int with a double only with
   * heterogeneous comparisons (ModelTypesTest, TypedEvaluationTest).
   */
  static synchronized dev.cel.checker.CelStandardDeclarations standardDeclarations() {
    if (standard == null) {
      standard =
          dev.cel.checker.CelStandardDeclarations.newBuilder()
              .filterFunctions(
                  (f, o) ->
                      switch (f) {
                        case INT ->
                            OPTIONS.enableUnsignedLongs()
                                || !o.equals(
                                    dev.cel.checker.CelStandardDeclarations.StandardFunction
                                        .Overload.Conversions.INT64_TO_INT64);
                        case TIMESTAMP ->
                            OPTIONS.enableTimestampEpoch()
                                || !o.equals(
                                    dev.cel.checker.CelStandardDeclarations.StandardFunction
                                        .Overload.Conversions.INT64_TO_TIMESTAMP);
                        default ->
                            OPTIONS.enableHeterogeneousNumericComparisons()
                                || !(o
                                        instanceof
                                        dev.cel.checker.CelStandardDeclarations.StandardFunction
                                                .Overload.Comparison
                                            c
                                    && c.isHeterogeneousComparison());
                      })
              .build();
    }
    return standard;
  }

  /**
   * Parses and type-checks an expression of a rule judging {@code on}: its checked syntax tree, or the first
   * error at its line (1-based) and column (0-based) inside the expression; an error on a field points at the
   * field's name and names the type it was looked up in.
   */
  static CelAbstractSyntaxTree check(CustomRule.On on, String text) throws CustomRule.CompileError {
    Object c = checkedOrKept(on, text);
    if (c instanceof CheckedCache.Kept k) {
      CelAbstractSyntaxTree full = k.full();
      return full != null ? full : afresh(on, text);
    }
    return (CelAbstractSyntaxTree) c;
  }

  /**
   * {@code text} checked afresh in place of a tree read back from a kept file (CheckedCache) that cannot be
   * used (its types do not read back, or compiling or cel-java's runtime fails on it: a crafted file whose
   * check sum is right), and kept again.
   */
  private static CelAbstractSyntaxTree afresh(CustomRule.On on, String text)
      throws CustomRule.CompileError {
    CelAbstractSyntaxTree fresh = checkOnce(on, text);
    CHECKED.replace(List.of(on, text), fresh);
    CheckedCache.write(on, text, fresh);
    return fresh;
  }

  /**
   * As {@link #check}: the checked tree, or what an earlier run kept of it ({@link CheckedCache.Kept}: read
   * back without its nodes' types until they are needed).
   */
  private static Object checkedOrKept(CustomRule.On on, String text)
      throws CustomRule.CompileError {
    List<Object> key = List.of(on, text);
    Object known = CHECKED.get(key);
    if (known instanceof CelAbstractSyntaxTree || known instanceof CheckedCache.Kept) return known;
    if (known instanceof CustomRule.CompileError e)
      throw new CustomRule.CompileError(e.line, e.column, e.getMessage());
    try {
      Object tree = CheckedCache.read(on, text);
      if (tree == null) {
        CelAbstractSyntaxTree checked = checkOnce(on, text);
        CheckedCache.write(on, text, checked);
        tree = checked;
      }
      if (CHECKED.size() < MAX_CHECKED) CHECKED.put(key, tree);
      return tree;
    } catch (CustomRule.CompileError e) {
      if (CHECKED.size() < MAX_CHECKED) CHECKED.put(key, e);
      throw e;
    }
  }

  /**
   * What each expression checked so far gave (its checked tree, or its error), by kind and text: a check depends
   * on nothing else. A configuration repeats its {@code at} paths and message parts, and the language server
   * and --enable read a configuration again.
   */
  private static final Map<List<Object>, Object> CHECKED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_CHECKED = 4_000;

  /** For tests: forgets what was checked in this JVM (the next check checks, or reads what runs kept). */
  static void forgetChecked() {
    CHECKED.clear();
  }

  private static CelAbstractSyntaxTree checkOnce(CustomRule.On on, String text)
      throws CustomRule.CompileError {
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
    Object c = checkedOrKept(on, text);
    if (!(c instanceof CheckedCache.Kept k)) {
      CelAbstractSyntaxTree checked = (CelAbstractSyntaxTree) c;
      return compile(on, checked, () -> checked, null, condition);
    }
    try {
      // cel-java's runtime is given the whole tree (every node's type): read back when first
      // needed, and checked afresh if the runtime cannot use it
      return compile(on, k.light(), () -> check(on, text), () -> afresh(on, text), condition);
    } catch (CustomRule.CompileError | RuntimeException | StackOverflowError e) {
      // a tree read back from a kept file (CheckedCache) that is not one the checker makes (a
      // crafted file whose check sum is right): checked afresh, and kept again
      CelAbstractSyntaxTree fresh = afresh(on, text);
      return compile(on, fresh, () -> fresh, null, condition);
    }
  }

  /**
   * {@code whole}: the tree cel-java's runtime is given; {@code afresh}: the checker's own, when the runtime
   * fails on {@code whole} (one read back from a kept file), else null.
   */
  private static CustomRule.Expression compile(
      CustomRule.On on,
      CelAbstractSyntaxTree ast,
      Planned.Tree whole,
      Planned.Tree afresh,
      boolean condition)
      throws CustomRule.CompileError {
    CelKind kind = ast.getResultType().kind();
    if (condition && kind != CelKind.BOOL && kind != CelKind.DYN) {
      throw new CustomRule.CompileError(
          1,
          0,
          "the condition must be a bool, not " + ModelTypes.shown(ast.getResultType().name()));
    }
    Planned planned = new Planned(whole, afresh);
    List<Guard> guards = condition ? guards(ast.getExpr()) : List.of();
    DirectEval.Plan direct = DirectEval.plan(ast, on.variables(), condition);
    return new CustomRule.Expression() {
      @Override
      public Object eval(Map<String, Object> vars) throws CustomRule.Failed {
        if (prefilter) for (Guard g : guards) if (g.excludes(vars)) return Boolean.FALSE;
        if (direct != null && directly) {
          Object v = direct.eval(vars);
          if (v != DirectEval.BAIL) return v;
        }
        return CelExpressions.eval(planned.program(), vars);
      }

      @Override
      public java.util.Set<String> oneOf(String variable, String field) {
        if (!prefilter) return null;
        for (Guard g : guards)
          if (g.variable().equals(variable) && g.field().equals(field)) return g.values();
        return null;
      }
    };
  }

  /** {@code program}'s value over {@code vars}, by cel-java's runtime, as the model's own objects. */
  static Object eval(CelRuntime.Program program, Map<String, Object> vars)
      throws CustomRule.Failed {
    CONCATENATED.get()[0] = 0;
    WEIGHED.get().clear();
    long[] work = WORK.get();
    work[0] = 0;
    work[1] = CustomRules.work();
    if (work[1] >= MAX_FILE_WORK) throw new CustomRule.Failed(FILE_WORK_EXCEEDED);
    try {
      return evaluate(program, vars);
    } finally {
      CustomRules.addWork(work[0] + CONCATENATED.get()[0]);
    }
  }

  private static Object evaluate(CelRuntime.Program program, Map<String, Object> vars)
      throws CustomRule.Failed {
    try {
      // the variables read through, each map or list of the model wrapped as a CelNode (not walked)
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
  }

  /**
   * Whether expressions that {@link DirectEval} plans are evaluated by it first (tests compare the findings
   * without).
   */
  static volatile boolean directly = true;

  /** Whether conditions are prefiltered by their {@link Guard}s (tests compare the findings without). */
  static volatile boolean prefilter = true;

  /**
   * A conjunct at the top of a condition that compares a field of a variable with string constants:
   * {@code instruction.keyword == "ADD"}, {@code "ADD" == instruction.keyword},
   * {@code instruction.keyword in ["CMD", "ENTRYPOINT"]}. Where that field of the node holds a string that is
   * none of them, the conjunct is false, and so is the condition, whatever its other conjuncts give (CEL's
   * {@code &&} is false when any side is false, even when another fails): it is not evaluated. Where the field
   * is absent or not a string, the condition is evaluated as written. A condition whose top is not a
   * conjunction ({@code ||}, {@code !}, a macro) has no guard.
   */
  record Guard(String variable, String field, java.util.Set<String> values) {
    @SuppressWarnings("unchecked")
    boolean excludes(Map<String, Object> vars) {
      return vars.get(variable) instanceof Map<?, ?> node
          && ModelView.plain(node.get(field)) instanceof String s
          && !values.contains(s);
    }
  }

  /** The guards of a checked condition: its top-level conjuncts of the forms {@link Guard} describes. */
  static List<Guard> guards(CelExpr e) {
    List<CelExpr> conjuncts = new java.util.ArrayList<>();
    conjuncts(e, conjuncts, 0);
    List<Guard> out = new java.util.ArrayList<>();
    for (CelExpr c : conjuncts) {
      Guard g = guard(c);
      if (g != null) out.add(g);
    }
    return out;
  }

  private static void conjuncts(CelExpr e, List<CelExpr> out, int depth) {
    if (depth < MAX_DEPTH
        && e.getKind() == CelExpr.ExprKind.Kind.CALL
        && e.call().function().equals("_&&_")
        && e.call().target().isEmpty()) {
      for (CelExpr a : e.call().args()) conjuncts(a, out, depth + 1);
    } else {
      out.add(e);
    }
  }

  private static Guard guard(CelExpr c) {
    if (c.getKind() != CelExpr.ExprKind.Kind.CALL || c.call().target().isPresent()) return null;
    List<CelExpr> args = c.call().args();
    if (args.size() != 2) return null;
    switch (c.call().function()) {
      case "_==_" -> {
        Guard g = guard(args.get(0), args.get(1));
        return g != null ? g : guard(args.get(1), args.get(0));
      }
      case "@in" -> {
        return guard(args.get(0), args.get(1));
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code field}: {@code variable.name}; {@code values}: a string constant or a list of string constants. */
  private static Guard guard(CelExpr field, CelExpr values) {
    if (field.getKind() != CelExpr.ExprKind.Kind.SELECT || field.select().testOnly()) return null;
    CelExpr operand = field.select().operand();
    if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT) return null;
    java.util.Set<String> set = new java.util.HashSet<>();
    if (values.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
      if (values.constant().getKind() != CelConstant.Kind.STRING_VALUE) return null;
      set.add(values.constant().stringValue());
    } else if (values.getKind() == CelExpr.ExprKind.Kind.LIST
        && values.list().optionalIndices().isEmpty()) {
      for (CelExpr v : values.list().elements()) {
        if (v.getKind() != CelExpr.ExprKind.Kind.CONSTANT
            || v.constant().getKind() != CelConstant.Kind.STRING_VALUE) return null;
        set.add(v.constant().stringValue());
      }
    } else {
      return null;
    }
    return new Guard(operand.ident().name(), field.select().field(), java.util.Set.copyOf(set));
  }

  /** A checked expression and its program, made when first asked for (by one thread; then kept). */
  private static final class Planned {
    /** The whole checked tree, when asked for. */
    interface Tree {
      CelAbstractSyntaxTree get() throws CustomRule.CompileError;
    }

    private final Tree tree;

    /** The checker's own tree, when the runtime fails on {@link #tree} (read back from a kept file); or null. */
    private final Tree afresh;

    private volatile CelRuntime.Program program;
    private volatile String error;

    Planned(Tree tree, Tree afresh) {
      this.tree = tree;
      this.afresh = afresh;
    }

    CelRuntime.Program program() throws CustomRule.Failed {
      CelRuntime.Program p = program;
      if (p != null) return p;
      CelRuntime runtime;
      try {
        runtime = runtime();
      } catch (IllegalStateException e) {
        // interrupted (a cancelled run): not kept, asked again next time
        throw new CustomRule.Failed(e.getMessage());
      }
      synchronized (this) {
        if (program == null && error == null) {
          for (Tree t : afresh == null ? List.of(tree) : List.of(tree, afresh)) {
            try {
              program = runtime.createProgram(t.get());
              error = null;
              break;
            } catch (CelEvaluationException | CustomRule.CompileError | RuntimeException e) {
              error = "cannot be run: " + e.getMessage();
            }
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
