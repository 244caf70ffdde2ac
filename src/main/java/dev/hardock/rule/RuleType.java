package dev.hardock.rule;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;

/**
 * One rule of the catalog: its class, its identity (known without creating an instance, so that rules that do
 * not apply to a file are never initialised) and {@link #get()}, a fresh instance for one file.
 */
public final class RuleType implements Supplier<Rule> {
  private final Class<? extends Rule> type;
  private volatile RuleMeta meta;
  private volatile Constructor<? extends Rule> constructor;

  /** {@code meta} from the generated {@link RuleCatalog}, or null to read the class's annotation. */
  RuleType(Class<? extends Rule> type, RuleMeta meta) {
    this.type = type;
    this.meta = meta;
  }

  public Class<? extends Rule> type() {
    return type;
  }

  public RuleMeta meta() {
    RuleMeta m = meta;
    if (m == null) meta = m = Rule.metaOf(type);
    return m;
  }

  /** A new instance (rules keep per-file state). */
  @Override
  public Rule get() {
    Rule r;
    try {
      Constructor<? extends Rule> c = constructor;
      if (c == null) constructor = c = type.getDeclaredConstructor();
      r = c.newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException x) throw x;
      if (e.getCause() instanceof Error x) throw x;
      throw new IllegalStateException(type.getName() + " could not be created", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          type.getName() + " needs a public constructor without arguments", e);
    }
    r.meta(meta());
    return r;
  }
}
