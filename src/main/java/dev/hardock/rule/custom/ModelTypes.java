package dev.hardock.rule.custom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CEL types of the model's nodes, derived from the model's JSON Schema (docs/model.schema.json, packaged in
 * the jar as {@value #SCHEMA}): the schema documents the model, a test validates {@code hardock model}'s output
 * against it, and here it tells the type checker which fields each node has, so that a misspelt field or a
 * value of the wrong type is a configuration error, not a finding at run time. Read once, when the first custom
 * rule is compiled.
 *
 * <p>JSON Schema to CEL: {@code string} and string {@code enum}s are {@code string}, {@code integer} is {@code
 * int}, {@code boolean} is {@code bool}, {@code number} is {@code dyn} (the model writes whole numbers as ints,
 * others as doubles), {@code array} is {@code list(T)}, an object with {@code properties} is a struct type with
 * those fields (named after its {@code $defs} entry, or after its property for an object written inline), an object with only
 * {@code additionalProperties} is {@code map(string, T)}. A {@code oneOf} of objects is one struct with the union
 * of their fields ({@code has()} tells which are set; a field the alternatives type differently is {@code dyn});
 * any other {@code oneOf} is {@code dyn}.
 *
 * <p>The values stay what {@link ModelView} builds (maps, lists, strings, Long, Boolean): struct types exist for
 * the checker only, and CEL's runtimes select a field of a map by its key whatever type the checker gave it.
 * Their names carry {@value #PREFIX}, which no identifier can spell, so that an expression cannot name a model
 * type ({@code image} in a container rule stays an undeclared reference); messages drop it.
 */
final class ModelTypes implements CelTypeProvider {
  static final String SCHEMA = "/docs/model.schema.json";

  /** Prefix of the struct types' names: not an identifier, so that no expression can name one. */
  static final String PREFIX = "model:";

  /** Where each variable of a custom rule ({@link CustomRule.On#variables()}) is described in the schema. */
  static final Map<String, String> VARIABLES =
      Map.of(
          "container", "#/$defs/container",
          "image", "#/$defs/imageBuild",
          "stage", "#/$defs/stage",
          "instruction", "#/$defs/instruction",
          "daemon", "#/$defs/daemon",
          "file", "#/$defs/file/properties/file");

  private static volatile ModelTypes instance;

  private final Map<String, Object> schema;
  private final Map<String, CelType> byPointer = new HashMap<>();
  private final Map<String, StructType> structs = new LinkedHashMap<>();
  private final Set<String> resolving = new HashSet<>();
  private final Map<String, CelType> variables = new LinkedHashMap<>();

  ModelTypes(Map<String, Object> schema) {
    this.schema = schema;
    for (Map.Entry<String, String> v : VARIABLES.entrySet())
      variables.put(v.getKey(), ref(v.getValue()));
  }

  /** The types of the packaged schema, read on first use. */
  static ModelTypes get() {
    ModelTypes t = instance;
    if (t == null) {
      synchronized (ModelTypes.class) {
        t = instance;
        if (t == null) instance = t = new ModelTypes(readSchema());
      }
    }
    return t;
  }

  /** The type of a custom rule's variable. */
  CelType variable(String name) {
    CelType t = variables.get(name);
    if (t == null) throw new IllegalArgumentException("no schema type for variable " + name);
    return t;
  }

  @Override
  public ImmutableCollection<CelType> types() {
    return ImmutableList.copyOf(structs.values());
  }

  @Override
  public Optional<CelType> findType(String name) {
    return Optional.ofNullable(structs.get(name));
  }

  /** A type's name as a message shows it: {@code container}, {@code list(mount)}. */
  static String shown(String text) {
    return text.replace(PREFIX, "");
  }

  // ---------------------------------------------------------------- schema to types

  /** The type a JSON pointer into the schema ({@code #/$defs/x/properties/y}) describes. */
  private CelType ref(String pointer) {
    CelType done = byPointer.get(pointer);
    if (done != null) return done;
    if (!resolving.add(pointer)) return SimpleType.DYN; // a cycle through no struct (none today)
    try {
      Map<String, Object> node = resolve(pointer);
      String name = pointer.substring(pointer.lastIndexOf('/') + 1);
      CelType t =
          node.get("properties") instanceof Map ? struct(pointer, name, node) : type(node, name);
      byPointer.put(pointer, t);
      return t;
    } finally {
      resolving.remove(pointer);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resolve(String pointer) {
    if (!pointer.startsWith("#/")) throw new IllegalStateException("schema: $ref " + pointer);
    Object at = schema;
    for (String part : pointer.substring(2).split("/")) {
      if (!(at instanceof Map<?, ?> m) || !m.containsKey(part))
        throw new IllegalStateException("schema: no " + pointer);
      at = m.get(part);
    }
    if (!(at instanceof Map)) throw new IllegalStateException("schema: " + pointer);
    return (Map<String, Object>) at;
  }

  /**
   * A struct type for an object schema with properties, registered (under its pointer, if it has one) before its
   * fields are typed, so that a field may refer back to it ({@code instruction.trigger}).
   */
  @SuppressWarnings("unchecked")
  private StructType struct(String pointer, String name, Map<String, Object> node) {
    Map<String, Object> properties = (Map<String, Object>) node.get("properties");
    Map<String, CelType> fields = new LinkedHashMap<>();
    StructType t = register(name, properties.keySet(), fields);
    if (pointer != null) byPointer.put(pointer, t);
    for (Map.Entry<String, Object> p : properties.entrySet())
      fields.put(
          p.getKey(),
          p.getValue() instanceof Map
              ? type((Map<String, Object>) p.getValue(), p.getKey())
              : SimpleType.DYN);
    return t;
  }

  private StructType register(String name, Set<String> fieldNames, Map<String, CelType> fields) {
    String full = PREFIX + name;
    for (int i = 2; structs.containsKey(full); i++) full = PREFIX + name + i;
    StructType t =
        StructType.create(
            full, ImmutableSet.copyOf(fieldNames), f -> Optional.ofNullable(fields.get(f)));
    structs.put(full, t);
    return t;
  }

  /** The type a schema describes; {@code name}: the property it describes, the name of an inline struct. */
  @SuppressWarnings("unchecked")
  private CelType type(Map<String, Object> node, String name) {
    if (node.get("$ref") instanceof String r) return ref(r);
    Object union = node.get("oneOf") != null ? node.get("oneOf") : node.get("anyOf");
    if (union instanceof List<?> alternatives) return union((List<Object>) alternatives, name);
    if (node.get("enum") instanceof List<?> values)
      return values.stream().allMatch(v -> v instanceof String)
          ? SimpleType.STRING
          : SimpleType.DYN;
    if (node.containsKey("const")) return constant(node.get("const"));
    if (!(node.get("type") instanceof String type)) return SimpleType.DYN;
    return switch (type) {
      case "string" -> SimpleType.STRING;
      case "integer" -> SimpleType.INT;
      case "boolean" -> SimpleType.BOOL;
      case "array" ->
          ListType.create(
              node.get("items") instanceof Map<?, ?> items
                  ? type((Map<String, Object>) items, name)
                  : SimpleType.DYN);
      case "object" ->
          node.get("properties") instanceof Map
              ? struct(
                  null, name, node) // an object written inline: a struct named after its property
              : MapType.create(
                  SimpleType.STRING,
                  node.get("additionalProperties") instanceof Map<?, ?> ap
                      ? type((Map<String, Object>) ap, name)
                      : SimpleType.DYN);
      default -> SimpleType.DYN; // number: an int or a double; null
    };
  }

  private static CelType constant(Object value) {
    if (value instanceof String) return SimpleType.STRING;
    if (value instanceof Boolean) return SimpleType.BOOL;
    if (value instanceof Long) return SimpleType.INT;
    return SimpleType.DYN;
  }

  /**
   * A {@code oneOf}: one type when every alternative has it; for objects, one struct with the union of their
   * fields (a field typed differently by two of them is dyn); else dyn.
   */
  @SuppressWarnings("unchecked")
  private CelType union(List<Object> alternatives, String name) {
    List<CelType> types = new ArrayList<>();
    for (Object a : alternatives)
      types.add(a instanceof Map ? type((Map<String, Object>) a, name) : SimpleType.DYN);
    if (types.isEmpty()) return SimpleType.DYN;
    if (types.stream().allMatch(t -> same(t, types.get(0)))) return types.get(0);
    if (!types.stream().allMatch(t -> t instanceof StructType)) return SimpleType.DYN;
    Map<String, CelType> fields = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (CelType t : types) {
      StructType s = (StructType) t;
      names.add(shown(s));
      for (String f : s.fieldNames()) {
        CelType ft = s.findField(f).orElseThrow().type();
        CelType before = fields.get(f);
        fields.put(f, before == null || same(before, ft) ? ft : SimpleType.DYN);
      }
    }
    String joined = String.join(" or ", names);
    StructType known = structs.get(PREFIX + joined);
    return known != null ? known : register(joined, fields.keySet(), fields);
  }

  private static boolean same(CelType a, CelType b) {
    if (a.kind() != b.kind()) return false;
    if (a.kind() == CelKind.STRUCT) return a.name().equals(b.name());
    if (a.parameters().size() != b.parameters().size()) return false;
    if (a.parameters().isEmpty()) return a.equals(b);
    for (int i = 0; i < a.parameters().size(); i++)
      if (!same(a.parameters().get(i), b.parameters().get(i))) return false;
    return true;
  }

  // ---------------------------------------------------------------- messages

  /** A select the checker refused: the field's name, and the type it was looked up in (null if unknown). */
  record Select(String field, String in) {}

  /** The select with the id the checker reported an error at, in the parsed (unchecked) expression. */
  Optional<Select> select(CelAbstractSyntaxTree parsed, long id, List<String> vars) {
    Optional<CelNavigableExpr> select =
        node(parsed, id).filter(n -> n.getKind() == CelExpr.ExprKind.Kind.SELECT);
    if (select.isEmpty()) return Optional.empty();
    CelType t = select.get().children().findFirst().map(o -> typeOf(o, vars, 0)).orElse(null);
    return Optional.of(
        new Select(select.get().expr().select().field(), t == null ? null : shown(t)));
  }

  /**
   * The operands of the call the checker reported an error at that name a field or variable, each with its type
   * ({@code container.privileged is bool}): what a "no matching overload" message leaves the reader to work out.
   */
  List<String> operands(CelAbstractSyntaxTree parsed, long id, List<String> vars) {
    Optional<CelNavigableExpr> call =
        node(parsed, id).filter(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL);
    List<String> out = new ArrayList<>();
    if (call.isEmpty()) return out;
    call.get()
        .children()
        .forEach(
            c -> {
              String path = path(c.expr(), 0);
              CelType t = path == null ? null : typeOf(c, vars, 0);
              if (t != null && c.getKind() == CelExpr.ExprKind.Kind.SELECT)
                out.add(path + " is " + shown(t));
            });
    return out;
  }

  private static Optional<CelNavigableExpr> node(CelAbstractSyntaxTree parsed, long id) {
    return CelNavigableAst.fromAst(parsed)
        .getRoot()
        .allNodes()
        .filter(n -> n.id() == id)
        .findFirst();
  }

  /** {@code a.b.c} for a chain of selects on an identifier, else null. */
  private static String path(CelExpr e, int depth) {
    if (depth > 16) return null;
    if (e.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT) return e.ident().name();
    if (e.exprKind().getKind() != CelExpr.ExprKind.Kind.SELECT || e.select().testOnly())
      return null;
    String operand = path(e.select().operand(), depth + 1);
    return operand == null ? null : operand + "." + e.select().field();
  }

  /** A type as messages show it: {@code container}, {@code list(mount)}, {@code map(string, dyn)}. */
  static String shown(CelType t) {
    if (t instanceof ListType l) return "list(" + shown(l.elemType()) + ")";
    if (t instanceof MapType m)
      return "map(" + shown(m.keyType()) + ", " + shown(m.valueType()) + ")";
    return shown(t.name());
  }

  private CelType typeOf(CelNavigableExpr n, List<String> vars, int depth) {
    if (depth > 64) return null;
    CelExpr e = n.expr();
    switch (n.getKind()) {
      case SELECT -> {
        CelType operand =
            n.children().findFirst().map(c -> typeOf(c, vars, depth + 1)).orElse(null);
        return field(operand, e.select().field());
      }
      case IDENT -> {
        String name = e.ident().name();
        CelNavigableExpr child = n;
        for (Optional<CelNavigableExpr> p = n.parent(); p.isPresent(); p = p.get().parent()) {
          CelNavigableExpr parent = p.get();
          if (parent.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
            CelExpr.CelComprehension c = parent.expr().comprehension();
            long rangeId = c.iterRange().id();
            if (child.id() != rangeId && name.equals(c.iterVar())) {
              CelType range =
                  parent
                      .children()
                      .filter(x -> x.id() == rangeId)
                      .findFirst()
                      .map(x -> typeOf(x, vars, depth + 1))
                      .orElse(null);
              if (range instanceof ListType l) return l.elemType();
              if (range instanceof MapType m) return m.keyType();
              return null;
            }
            if (child.id() != rangeId && name.equals(c.accuVar())) return null;
          }
          child = parent;
        }
        return vars.contains(name) ? variables.get(name) : null;
      }
      case CALL -> {
        if (!e.call().function().equals("_[_]")) return null;
        CelType operand =
            n.children().findFirst().map(c -> typeOf(c, vars, depth + 1)).orElse(null);
        if (operand instanceof ListType l) return l.elemType();
        if (operand instanceof MapType m) return m.valueType();
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private CelType field(CelType of, String name) {
    if (of instanceof StructType s)
      return s.findField(name).map(StructType.Field::type).orElse(null);
    if (of instanceof MapType m) return m.valueType();
    return null;
  }

  // ---------------------------------------------------------------- reading the schema

  private static Map<String, Object> readSchema() {
    try (InputStream in = ModelTypes.class.getResourceAsStream(SCHEMA)) {
      if (in == null) throw new IllegalStateException(SCHEMA + " is not in the jar");
      try (JsonParser p = new JsonFactory().createParser(in)) {
        p.nextToken();
        if (!(read(p, 0) instanceof Map<?, ?> m))
          throw new IllegalStateException(SCHEMA + " is not an object");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) m;
        return root;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON value at the parser's current token: maps, lists, strings, Long, Double, Boolean, null. */
  private static Object read(JsonParser p, int depth) throws IOException {
    if (depth > 64) throw new IOException("the schema nests too deep");
    JsonToken t = p.currentToken();
    if (t == null) throw new IOException("the schema ends early");
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          m.put(key, read(p, depth + 1));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) l.add(read(p, depth + 1));
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + t + " in the schema");
    }
  }
}
