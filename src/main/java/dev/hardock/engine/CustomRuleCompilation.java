package dev.hardock.engine;

import dev.hardock.rule.custom.CustomRule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CEL compilations (parse and type check) of one configuration's custom rules, in the order the configuration
 * declares them: started when the configuration is read, they run on a thread of their own while the run goes
 * on (discovery, reading and parsing files, the built-in rules), and are awaited where a custom rule is first
 * needed (a lint worker about to run custom rules, {@link Config#ready}) and, always, before a run reports
 * anything. Whoever awaits helps, once the first expression is compiled (and CEL's classes initialised, by one
 * thread): it compiles from the last expression backwards while the thread goes forwards, and then takes the
 * results in order, so that the error reported is always the first in the file, the one reading the
 * configuration in one pass met.
 *
 * <p>Nothing here loads CEL: a job calls {@link CustomRule#compile} only when it runs.
 */
final class CustomRuleCompilation {
  /** One compilation: its expression, or the configuration error it makes. */
  interface Work {
    CustomRule.Expression compile() throws Config.Invalid;
  }

  private static final class Job {
    final Work work;
    final AtomicBoolean claimed = new AtomicBoolean();
    final CountDownLatch done = new CountDownLatch(1);
    volatile CustomRule.Expression value;
    volatile Throwable error;

    Job(Work work) {
      this.work = work;
    }
  }

  private final List<Job> jobs = new ArrayList<>();
  private final List<CustomRule> declared = new ArrayList<>();
  private volatile boolean failed;
  private volatile boolean started;
  private volatile boolean succeeded;
  private volatile Thread thread;

  /** The declared rules (their expressions {@link Pending}) to the compiled ones, once every job succeeded. */
  private volatile Map<CustomRule, CustomRule> compiled;

  /** An expression whose compilation is {@code job}: what a declared custom rule holds until it is compiled. */
  static final class Pending implements CustomRule.Expression {
    private final CustomRuleCompilation of;
    private final Job job;

    private Pending(CustomRuleCompilation of, Job job) {
      this.of = of;
      this.job = job;
    }

    /** Waits for the compilation (all of it: the first error in order wins) and evaluates. */
    @Override
    public Object eval(Map<String, Object> vars) throws CustomRule.Failed {
      try {
        of.await();
      } catch (Config.Invalid e) {
        throw new CustomRule.Failed(e.getMessage());
      }
      return job.value.eval(vars);
    }
  }

  /** Adds a compilation (in the configuration's order); its expression, usable once it is compiled. */
  Pending add(Work work) {
    if (started) throw new IllegalStateException("compilation already started");
    Job j = new Job(work);
    jobs.add(j);
    return new Pending(this, j);
  }

  /** A rule whose expressions were added: made with the compiled ones by {@link #compiled}. */
  void declare(CustomRule rule) {
    declared.add(rule);
  }

  /** Starts compiling on a thread of its own (a daemon: it ends with its jobs, or at the first error). */
  void start() {
    if (started) return;
    started = true;
    if (jobs.isEmpty()) return;
    Thread t =
        new Thread(
            null,
            () -> {
              // forwards, past what a helper took, until the first error
              for (Job j : jobs) {
                if (failed) return;
                run(j);
              }
            },
            "hardock-custom-rules",
            16L * 1024 * 1024);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * Held by whoever compiles before any compilation in this JVM has succeeded: CEL's classes are initialised by
   * one thread, also when several configurations (nested .hardock.yaml files) compile at once (two threads
   * initialising classes that refer to each other can deadlock the JVM; found in review).
   */
  private static final Object FIRST_USE = new Object();

  private static volatile boolean initialised;

  /** Runs {@code j} here unless someone else took it; false if someone did. */
  private boolean run(Job j) {
    if (!j.claimed.compareAndSet(false, true)) return false;
    try {
      if (initialised) {
        j.value = j.work.compile();
      } else {
        synchronized (FIRST_USE) {
          j.value = j.work.compile();
          initialised = true;
        }
      }
    } catch (Throwable e) { // kept for whoever awaits it, rethrown there as it was
      j.error = e;
      failed = true;
    } finally {
      j.done.countDown();
    }
    return true;
  }

  /** Whether some compilation failed already (without waiting): the run will stop with an error. */
  boolean failed() {
    return failed;
  }

  /**
   * Waits until every expression is compiled, helping; the first error in the configuration's order, as it was
   * thrown. Uninterruptible, as compiling on the caller's thread was (an interrupt is kept for the caller).
   */
  void await() throws Config.Invalid {
    if (succeeded) return;
    start();
    boolean interrupted = false;
    try {
      // the first compilation initialises CEL's classes (parser, checker, protobuf's
      // descriptors) on one thread: no two threads initialise classes that refer to each
      // other (a JVM deadlock). Then this thread helps from the last expression backwards.
      if (!jobs.isEmpty()) {
        run(jobs.get(0));
        interrupted |= done(jobs.get(0));
      }
      for (int i = jobs.size() - 1; i > 0 && !failed; i--) if (!run(jobs.get(i))) break;
      for (Job j : jobs) {
        run(j);
        interrupted |= done(j);
        Throwable e = j.error;
        if (e instanceof Config.Invalid invalid) throw invalid;
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException(e);
      }
      succeeded = true;
    } finally {
      // the thread has nothing left to do (it stops at the first error): it ends now
      interrupted |= join();
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /** Waits until {@code j} is done; whether this thread was interrupted meanwhile. */
  private static boolean done(Job j) {
    boolean interrupted = false;
    while (true) {
      try {
        j.done.await();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  /** Waits for the thread to end (no thread outlives a run); whether this one was interrupted meanwhile. */
  private boolean join() {
    Thread t = thread;
    boolean interrupted = false;
    while (t != null && t != Thread.currentThread()) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    return interrupted;
  }

  /**
   * {@code e}, a mistake met while reading the configuration after these compilations were added, unless one of
   * them fails: then that error, which reading the configuration in one pass would have met first.
   */
  Config.Invalid firstError(Config.Invalid e) {
    try {
      await();
    } catch (Config.Invalid first) {
      return first;
    }
    return e;
  }

  /** The compilation that the expressions of {@code rules} wait for, or null (compiled already, or none). */
  static CustomRuleCompilation of(List<CustomRule> rules) {
    for (CustomRule r : rules) if (r.when() instanceof Pending p) return p.of;
    return null;
  }

  /**
   * {@code declared} with their expressions compiled (the same {@link dev.hardock.rule.RuleMeta} and doc each),
   * waiting for the compilation; rules not read by a compilation are themselves.
   */
  static List<CustomRule> compiled(List<CustomRule> declared) throws Config.Invalid {
    CustomRuleCompilation c = of(declared);
    if (c == null) return declared;
    Map<CustomRule, CustomRule> map = c.compiledRules();
    List<CustomRule> out = new ArrayList<>(declared.size());
    for (CustomRule r : declared) out.add(map.getOrDefault(r, r));
    return out;
  }

  private Map<CustomRule, CustomRule> compiledRules() throws Config.Invalid {
    await();
    Map<CustomRule, CustomRule> m = compiled;
    if (m != null) return m;
    synchronized (this) {
      if (compiled == null) {
        Map<CustomRule, CustomRule> out = new IdentityHashMap<>();
        for (CustomRule r : declared) {
          List<Object> message = new ArrayList<>(r.message().size());
          for (Object part : r.message()) message.add(resolved(part));
          out.put(
              r,
              new CustomRule(
                  r.meta(),
                  r.doc(),
                  r.on(),
                  (CustomRule.Expression) resolved(r.when()),
                  List.copyOf(message),
                  r.at(),
                  (CustomRule.Expression) resolved(r.atExpression())));
        }
        compiled = out;
      }
      return compiled;
    }
  }

  private static Object resolved(Object part) {
    return part instanceof Pending p ? p.job.value : part;
  }
}
