package dev.hardock.rule.custom;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.CelValue;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A map of the model ({@link ModelView}) as CEL's planner runtime sees it: the same entries, read through, and
 * a {@link CelValue}, so that the runtime takes it as it is. The planner converts every value it reads from a
 * variable into its runtime form ({@code CelValueConverter.toRuntimeValue}), and for a plain map that is a walk
 * of the whole tree under it, at each field selection of each evaluation: {@code stage.base.name} walked every
 * instruction and command of the stage, three times. A CelValue is taken as it is (a list of the model is
 * one too). Children are wrapped when first read and kept, so that one
 * node read twice is one object (the converter compares by identity, and copies a list whose elements changed).
 *
 * <p>A text the view keeps to mask when first read ({@link ModelView.Masked}) is read as its masked string.
 * Read only; equal to a map with the same entries. {@link #unwrap} gives back the model's own objects (a
 * finding's position is found by the identity of the model's span maps).
 */
final class CelNode extends CelValue implements Map<String, Object> {
  private static final CelType TYPE = MapType.create(SimpleType.STRING, SimpleType.DYN);

  private final Map<String, Object> raw;
  private HashMap<String, Object> adapted;

  private CelNode(Map<String, Object> raw) {
    this.raw = raw;
  }

  /** A value of the model as the runtime should see it: maps and lists wrapped, anything else as it is. */
  @SuppressWarnings("unchecked")
  static Object adapt(Object v) {
    if (v instanceof CelNode || v instanceof Adapted) return v;
    if (v instanceof Map<?, ?> m) return new CelNode((Map<String, Object>) m);
    if (v instanceof List<?> l) return new Adapted(l);
    if (v instanceof ModelView.Masked m) return m.value();
    return v;
  }

  /**
   * A list an evaluation built ({@code +}), as a CelValue: the runtime converts a function's result that is a
   * plain list by walking it to the bottom, which on lists of lists sharing elements ({@code [x, x]} in a chain
   * of maps) is exponential in time.
   */
  static Object built(List<?> l) {
    Adapted a = new Adapted(l);
    a.built = true;
    return a;
  }

  /**
   * The number of values in {@code v} counted as if nothing were shared (a list or map one more than its
   * elements), each value counted once per evaluation ({@code seen}, by identity): nodes and lists of the model
   * count one.
   */
  static long weight(Object v, Map<Object, Long> seen) {
    if (v instanceof CelNode) return 1;
    List<?> elements;
    if (v instanceof Adapted a) {
      if (!a.built) return 1;
      elements = a.raw;
    } else if (v instanceof List<?> l) {
      elements = l;
    } else if (v instanceof Map<?, ?> m) {
      elements = new ArrayList<>(m.values());
    } else {
      return 1;
    }
    Long known = seen.get(v);
    if (known != null) return known;
    long w = 1;
    for (Object e : elements) w = Math.min(Long.MAX_VALUE / 2, w + weight(e, seen));
    seen.put(v, w);
    return w;
  }

  /**
   * The list or map behind {@code v} (a node's or list's of the model, or a list an evaluation built), read
   * without counting model reads; {@code v} itself if it is neither.
   */
  static Object raw(Object v) {
    if (v instanceof CelNode n) return n.raw;
    if (v instanceof Adapted a) return a.raw;
    return v;
  }

  /** The model's own object behind a value the runtime gave (lists the runtime made are copied through). */
  static Object unwrap(Object v) {
    if (v instanceof CelNode n) return n.raw;
    if (v instanceof Adapted a && !a.built) return a.raw;
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(unwrap(o));
      return out;
    }
    return v;
  }

  // ---------------------------------------------------------------- CelValue

  @Override
  public Object value() {
    return this;
  }

  @Override
  public boolean isZeroValue() {
    return raw.isEmpty();
  }

  @Override
  public CelType celType() {
    return TYPE;
  }

  // ---------------------------------------------------------------- Map (read only)

  @Override
  public Object get(Object key) {
    CustomRules.read();
    Object v = raw.get(key);
    if (v instanceof ModelView.Masked m) return m.value();
    if (!(v instanceof Map) && !(v instanceof List)) return v;
    if (adapted == null) adapted = new HashMap<>();
    Object a = adapted.get(key);
    if (a == null) {
      a = adapt(v);
      adapted.put((String) key, a);
    }
    return a;
  }

  @Override
  public int size() {
    return raw.size();
  }

  @Override
  public boolean isEmpty() {
    return raw.isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return raw.containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    for (String k : raw.keySet()) if (java.util.Objects.equals(get(k), value)) return true;
    return false;
  }

  @Override
  public Set<String> keySet() {
    return java.util.Collections.unmodifiableSet(raw.keySet());
  }

  @Override
  public Collection<Object> values() {
    List<Object> out = new ArrayList<>(raw.size());
    for (String k : raw.keySet()) out.add(get(k));
    return java.util.Collections.unmodifiableList(out);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> out = new LinkedHashSet<>();
    for (String k : raw.keySet()) out.add(new AbstractMap.SimpleImmutableEntry<>(k, get(k)));
    return java.util.Collections.unmodifiableSet(out);
  }

  @Override
  public Object put(String key, Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object remove(Object key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) return true;
    if (o instanceof CelNode n) return raw.equals(n.raw);
    return o instanceof Map && raw.equals(unwrapDeep(o));
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  @Override
  public String toString() {
    return raw.toString();
  }

  /** A map the runtime made (with CelNodes inside) as plain model values, to compare with a model map. */
  private static Object unwrapDeep(Object v) {
    if (v instanceof CelNode n) return n.raw;
    if (v instanceof Adapted a && !a.built) return a.raw;
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), unwrapDeep(e.getValue()));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(unwrapDeep(o));
      return out;
    }
    return v;
  }

  /**
   * A list of the model, its maps and lists wrapped when first read; a CelValue too, so that the runtime does
   * not walk it at each read either (it did, element by element, twice per selection).
   */
  private static final class Adapted extends CelValue implements List<Object>, RandomAccess {
    private static final CelType TYPE = ListType.create(SimpleType.DYN);
    private final List<?> raw;

    /** Made by an expression ({@link #built}), not a list of the model. */
    private boolean built;

    private Object[] adapted;
    private final List<Object> view =
        new AbstractList<>() {
          @Override
          public Object get(int i) {
            return Adapted.this.get(i);
          }

          @Override
          public int size() {
            return raw.size();
          }
        };

    Adapted(List<?> raw) {
      this.raw = raw;
    }

    @Override
    public Object get(int i) {
      Object v = raw.get(i);
      if (built) return v; // values of the runtime already
      CustomRules.read();
      if (v instanceof ModelView.Masked m) return m.value();
      if (!(v instanceof Map) && !(v instanceof List)) return v;
      if (adapted == null) adapted = new Object[raw.size()];
      Object a = adapted[i];
      if (a == null) adapted[i] = a = adapt(v);
      return a;
    }

    @Override
    public int size() {
      return raw.size();
    }

    @Override
    public Object value() {
      return this;
    }

    @Override
    public boolean isZeroValue() {
      return raw.isEmpty();
    }

    @Override
    public CelType celType() {
      return TYPE;
    }

    // the rest of List, read only, through the view

    @Override
    public boolean isEmpty() {
      return raw.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
      return view.contains(o);
    }

    @Override
    public java.util.Iterator<Object> iterator() {
      return view.iterator();
    }

    @Override
    public Object[] toArray() {
      return view.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
      return view.toArray(a);
    }

    @Override
    public boolean add(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean containsAll(Collection<?> c) {
      return view.containsAll(c);
    }

    @Override
    public boolean addAll(Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(int index, Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object set(int index, Object element) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(int index, Object element) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object remove(int index) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int indexOf(Object o) {
      return view.indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
      return view.lastIndexOf(o);
    }

    @Override
    public java.util.ListIterator<Object> listIterator() {
      return view.listIterator();
    }

    @Override
    public java.util.ListIterator<Object> listIterator(int index) {
      return view.listIterator(index);
    }

    @Override
    public List<Object> subList(int fromIndex, int toIndex) {
      return view.subList(fromIndex, toIndex);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || view.equals(o);
    }

    @Override
    public int hashCode() {
      return view.hashCode();
    }

    @Override
    public String toString() {
      return view.toString();
    }
  }
}
