package dev.hardock.rule;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;

/**
 * One rule of the catalog: its class, its identity (read without creating an instance, so that rules that do
 * not apply to a file are never initialised) and {@link #get()}, a fresh instance for one file.
 */
public final class RuleType implements Supplier<Rule> {
  private final Class<? extends Rule> type;
  private volatile RuleMeta meta;
  private volatile Constructor<? extends Rule> constructor;

  RuleType(Class<? extends Rule> type) {
    this.type = type;
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
    try {
      Constructor<? extends Rule> c = constructor;
      if (c == null) constructor = c = type.getDeclaredConstructor();
      return c.newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw new IllegalStateException(type.getName() + " could not be created", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " needs a public constructor without arguments", e);
    }
  }
}
