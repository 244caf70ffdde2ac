package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.hardock.engine.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expressions are type-checked against the model's fields as docs/model.schema.json describes them: a misspelt
 * field or a value used as the wrong type is a configuration error at the field, naming it and its type.
 */
class ModelTypesTest {
  @TempDir Path dir;

  private static CustomRule.CompileError refused(CustomRule.On on, String text) {
    return assertThrows(
        CustomRule.CompileError.class, () -> CustomRule.compile(on, text, false), text);
  }

  private static void accepted(CustomRule.On on, String text) throws CustomRule.CompileError {
    assertNotNull(CustomRule.compile(on, text, false), text);
  }

  @Test
  void anUnknownFieldOfEachNodeKindIsRefusedAtTheField() {
    String[][] cases = {
      {"container", "container", "container"},
      {"image", "image", "imageBuild"},
      {"stage", "stage", "stage"},
      {"instruction", "instruction", "instruction"},
      {"daemon", "daemon", "daemon"},
      {"container", "file", "file"},
      {"instruction", "stage", "stage"},
      {"instruction", "image", "imageBuild"},
    };
    for (String[] c : cases) {
      CustomRule.CompileError e = refused(CustomRule.On.byId(c[0]), c[1] + ".nosuchfield == 1");
      assertEquals("undefined field 'nosuchfield' of " + c[2], e.getMessage(), c[1]);
      assertEquals(1, e.line);
      assertEquals(c[1].length() + 1, e.column, c[1]);
    }
  }

  @Test
  void everyVariableOfEveryKindHasItsSchemaType() {
    for (CustomRule.On on : CustomRule.On.values())
      for (String v : on.variables())
        assertTrue(ModelTypes.get().variable(v) instanceof StructType, on + " " + v);
  }

  @Test
  void aMisspeltNestedFieldNamesTheTypeItWasLookedUpIn() {
    CustomRule.CompileError e = refused(CustomRule.On.CONTAINER, "container.image.nmae");
    assertEquals("undefined field 'nmae' of image", e.getMessage());
    assertEquals(16, e.column);
    e = refused(CustomRule.On.STAGE, "stage.base.nmae.startsWith(\"x\")");
    assertEquals("undefined field 'nmae' of image", e.getMessage());
    assertEquals(11, e.column);
    e = refused(CustomRule.On.CONTAINER, "container.imag.name");
    assertEquals("undefined field 'imag' of container", e.getMessage());
    assertEquals(10, e.column);
    e = refused(CustomRule.On.CONTAINER, "container.ports[0].hostPortz > 1");
    assertEquals("undefined field 'hostPortz' of port", e.getMessage());
    assertEquals(19, e.column);
    e = refused(CustomRule.On.IMAGE, "image.healthcheck.trigger.keywrd == \"RUN\"");
    assertEquals("undefined field 'keywrd' of instruction", e.getMessage());
  }

  @Test
  void aMisspeltFieldInsideAMacroNamesTheElementType() {
    CustomRule.CompileError e =
        refused(CustomRule.On.INSTRUCTION, "instruction.commands.exists(c, c.nmae == \"x\")");
    assertEquals("undefined field 'nmae' of command", e.getMessage());
    assertEquals(33, e.column);
    e =
        refused(
            CustomRule.On.STAGE, "stage.instructions.all(i, i.flags.exists(f, f.vale == \"\"))");
    assertEquals("undefined field 'vale' of flag", e.getMessage());
    // a macro variable that shadows the node's own name is the element, not the node
    e = refused(CustomRule.On.CONTAINER, "container.mounts.exists(container, container.image)");
    assertEquals("undefined field 'image' of mount", e.getMessage());
    // has() points at the field, not at the macro
    e = refused(CustomRule.On.CONTAINER, "has(container.imag)");
    assertEquals("undefined field 'imag' of container", e.getMessage());
    assertEquals(14, e.column);
  }

  @Test
  void aFieldOnTheSecondLineIsFoundThere() {
    CustomRule.CompileError e =
        refused(CustomRule.On.CONTAINER, "container.privileged\n  && container.usr == \"x\"");
    assertEquals("undefined field 'usr' of container", e.getMessage());
    assertEquals(2, e.line);
    assertEquals(15, e.column);
    e = refused(CustomRule.On.CONTAINER, "container\n  .\n imag");
    assertEquals(3, e.line);
    assertEquals(1, e.column);
  }

  @Test
  void wrongTypesAreRefusedNamingTheField() {
    CustomRule.CompileError e = refused(CustomRule.On.CONTAINER, "container.privileged == \"yes\"");
    assertTrue(
        e.getMessage()
            .startsWith("found no matching overload for '_==_' applied to '(bool, string)'"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(container.privileged is bool)"), e.getMessage());
    e = refused(CustomRule.On.CONTAINER, "container.privileged.size() > 0");
    assertTrue(e.getMessage().contains("'size'"), e.getMessage());
    assertTrue(e.getMessage().contains("container.privileged is bool"), e.getMessage());
    e = refused(CustomRule.On.STAGE, "stage.index == \"0\"");
    assertTrue(e.getMessage().contains("stage.index is int"), e.getMessage());
    e = refused(CustomRule.On.CONTAINER, "container.capAdd.startsWith(\"x\")");
    assertTrue(e.getMessage().contains("container.capAdd is list(string)"), e.getMessage());
    refused(CustomRule.On.CONTAINER, "container.ports.exists(p, p.hostPort == \"80\")");
    refused(CustomRule.On.CONTAINER, "container.image.variables.startsWith(\"t\")");
    e = refused(CustomRule.On.CONTAINER, "container.capAdd.exists(c, c.name == \"x\")");
    assertEquals("type 'string' does not support field selection", e.getMessage());
    assertEquals(29, e.column);
  }

  @Test
  void aConditionOfAnotherTypeNamesItWithoutTheInternalPrefix() {
    CustomRule.CompileError e =
        assertThrows(
            CustomRule.CompileError.class,
            () -> CustomRule.compile(CustomRule.On.CONTAINER, "container.image", true));
    assertEquals("the condition must be a bool, not image", e.getMessage());
  }

  @Test
  void modelTypesCannotBeNamedInAnExpression() {
    // the node types' names are no identifiers: a variable of another kind stays undeclared
    CustomRule.CompileError e = refused(CustomRule.On.CONTAINER, "image.name == \"x\"");
    assertEquals("undeclared reference to 'image'", e.getMessage());
    refused(CustomRule.On.CONTAINER, "mount.type == \"bind\"");
    refused(CustomRule.On.CONTAINER, "container.image{}");
  }

  @Test
  void whatTheSchemaLeavesOpenStaysOpen() throws CustomRule.CompileError {
    // daemon settings: any key, a value of any JSON type
    accepted(CustomRule.On.DAEMON, "daemon.settings[\"log-driver\"] == \"journald\"");
    accepted(CustomRule.On.DAEMON, "daemon.settings[\"max-concurrent-downloads\"] > 3");
    accepted(CustomRule.On.DAEMON, "daemon.settings.anything.deeper");
    // positions of any field, a span or a list of spans
    accepted(CustomRule.On.CONTAINER, "container.spans.user.line > 1");
    // an ENV, ARG or LABEL pair: the union of a variable's and a label's fields
    accepted(
        CustomRule.On.INSTRUCTION,
        "instruction.pairs.exists(p, p.name == \"A\" || p.key == \"B\")");
    refused(CustomRule.On.INSTRUCTION, "instruction.pairs.exists(p, p.nmae == \"A\")");
    // dyn() opts out of checking
    accepted(CustomRule.On.CONTAINER, "dyn(container).nothing.deeper == 1");
  }

  /**
   * The struct types are the schema's objects, field for field, each field typed by the JSON Schema to CEL
   * mapping, read here with another JSON reader (jackson-databind) than ModelTypes' own.
   */
  @Test
  void theTypesAreTheSchemasObjectsFieldForField() throws Exception {
    JsonNode defs =
        new ObjectMapper().readTree(Path.of("docs/model.schema.json").toFile()).get("$defs");
    ModelTypes types = ModelTypes.get();
    Set<String> checked = new LinkedHashSet<>();
    for (String name :
        List.of(
            "container",
            "image",
            "mount",
            "port",
            "env",
            "build",
            "span",
            "stage",
            "label",
            "text",
            "instruction",
            "flag",
            "command",
            "imageBuild",
            "daemon")) {
      StructType t =
          (StructType)
              types.findType(ModelTypes.PREFIX + name).orElseThrow(() -> new AssertionError(name));
      JsonNode props = defs.get(name).get("properties");
      List<String> fields = new ArrayList<>();
      props.fieldNames().forEachRemaining(fields::add);
      assertEquals(Set.copyOf(fields), t.fieldNames(), name);
      for (String f : fields) {
        CelType ft = t.findField(f).orElseThrow().type();
        assertEquals(expected(props.get(f)), ModelTypes.shown(ft), name + "." + f);
      }
      checked.add(name);
    }
    // the file variable: the inline object of a file's model
    StructType file = (StructType) types.variable("file");
    assertEquals(Set.of("path", "kind"), file.fieldNames());
    assertEquals(15, checked.size());
  }

  /** The CEL type a field's schema maps to, as ModelTypes.shown writes it. */
  private static String expected(JsonNode s) {
    if (s.has("$ref")) {
      String def = s.get("$ref").asText().replace("#/$defs/", "");
      return switch (def) {
        case "spans" -> "map(string, dyn)";
        case "daemonValue" -> "dyn";
        default -> def;
      };
    }
    if (s.has("enum")) return "string";
    if (s.has("oneOf")) {
      List<String> names = new ArrayList<>();
      for (JsonNode alt : s.get("oneOf")) {
        if (!alt.has("$ref")) return "dyn";
        names.add(alt.get("$ref").asText().replace("#/$defs/", ""));
      }
      return String.join(" or ", names);
    }
    String type = s.get("type").asText();
    return switch (type) {
      case "string" -> "string";
      case "integer" -> "int";
      case "boolean" -> "bool";
      case "array" -> "list(" + expected(s.get("items")) + ")";
      case "object" ->
          "map(string, "
              + (s.has("additionalProperties") ? expected(s.get("additionalProperties")) : "dyn")
              + ")";
      default -> "dyn";
    };
  }

  /** A field the schema gains (as the model grows) is typed from the schema alone, inline objects included. */
  @Test
  @SuppressWarnings("unchecked")
  void aFieldTheSchemaGainsIsTypedWithoutCode() throws Exception {
    Map<String, Object> schema =
        new ObjectMapper().readValue(Path.of("docs/model.schema.json").toFile(), Map.class);
    Map<String, Object> container =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) schema.get("$defs")).get("container"))
                .get("properties");
    container.put(
        "logging",
        Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                "driver",
                Map.of("type", "string"),
                "options",
                Map.of("type", "object", "additionalProperties", Map.of("type", "string")))));
    container.put(
        "ulimits",
        Map.of(
            "type",
            "object",
            "additionalProperties",
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("soft", Map.of("type", "integer"), "hard", Map.of("type", "integer")))));
    ModelTypes types = new ModelTypes(schema);
    CelCompiler c =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setTypeProvider(types)
            .addVar("container", types.variable("container"))
            .build();
    CelValidationResult ok =
        c.compile(
            "container.logging.driver == \"json-file\" && container.logging.options[\"max-size\"] == \"1m\""
                + " && container.ulimits.nofile.soft > 1");
    assertFalse(ok.hasError(), ok.getErrorString());
    assertEquals(
        "undefined field 'drver'",
        c.compile("container.logging.drver").getErrors().get(0).getMessage());
    assertEquals(
        "undefined field 'sft'",
        c.compile("container.ulimits.nofile.sft > 1").getErrors().get(0).getMessage());
    assertTrue(c.compile("container.ulimits.nofile.soft == \"1\"").hasError());
  }

  @Test
  void theOneOfOfPairsIsTheUnionOfItsObjects() {
    StructType t = (StructType) types("env or label");
    assertEquals(Set.of("name", "key", "value", "spans", "span"), t.fieldNames());
    assertEquals(SimpleType.STRING, t.findField("value").orElseThrow().type());
    CelType pairs =
        ((StructType) ModelTypes.get().variable("instruction"))
            .findField("pairs")
            .orElseThrow()
            .type();
    assertTrue(pairs instanceof ListType l && l.elemType() == t, pairs.toString());
    CelType settings =
        ((StructType) ModelTypes.get().variable("daemon"))
            .findField("settings")
            .orElseThrow()
            .type();
    assertEquals(MapType.create(SimpleType.STRING, SimpleType.DYN), settings);
  }

  private static CelType types(String name) {
    return ModelTypes.get()
        .findType(ModelTypes.PREFIX + name)
        .orElseThrow(() -> new AssertionError(name));
  }

  // ---------------------------------------------------------------- positions in .hardock.yaml

  private String loadError(String when) throws Exception {
    Path c = dir.resolve(".hardock.yaml");
    Files.writeString(
        c,
        "custom-rules:\n  - id: ACME009\n    slug: x\n    on: container\n"
            + when
            + "    message: m\n");
    Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.load(c));
    String m = e.getMessage();
    assertTrue(m.startsWith(c.toString() + ":"), m);
    return m.substring(c.toString().length());
  }

  @Test
  void anUnknownFieldIsAConfigurationErrorAtItsPlaceInTheYaml() throws Exception {
    // single-quoted: the value starts at column 11, its first character at 12
    assertEquals(
        ":5:22: ACME009: undefined field 'imag' of container",
        loadError("    when: 'container.imag.name == \"x\"'\n"));
    // double-quoted
    assertEquals(
        ":5:22: ACME009: undefined field 'imag' of container",
        loadError("    when: \"container.imag.name == 'x'\"\n"));
    // plain
    assertEquals(
        ":5:21: ACME009: undefined field 'imag' of container",
        loadError("    when: container.imag.name == 'x'\n"));
    // a block scalar, on the expression's second line
    assertEquals(
        ":7:22: ACME009: undefined field 'usr' of container",
        loadError(
            "    when: |\n      container.privileged\n        && container.usr == \"root\"\n"));
    // a folded block scalar, the field inside a macro
    assertEquals(
        ":7:41: ACME009: undefined field 'nmae' of mount",
        loadError(
            "    when: >-\n      container.privileged\n        && container.mounts.exists(m, m.nmae == \"x\")\n"));
    // a folded block scalar whose lines YAML joins into one: the field is still found on its line
    assertEquals(
        ":7:20: ACME009: undefined field 'usr' of container",
        loadError(
            "    when: >-\n      container.privileged\n      && container.usr == \"root\"\n"));
    // a quoted scalar over two lines, folded too
    assertEquals(
        ":6:20: ACME009: undefined field 'usr' of container",
        loadError("    when: 'container.privileged\n      && container.usr == \"root\"'\n"));
    // an escape the text spells otherwise than the value: the scalar's start, never a wrong place
    assertEquals(
        ":5:11: ACME009: undefined field 'usr' of container",
        loadError("    when: \"container.privileged\\t&& container.usr == 'x'\"\n"));
    // a type mismatch
    assertTrue(
        loadError("    when: 'container.privileged == \"yes\"'\n")
            .startsWith(":5:33: ACME009: found no matching overload for '_==_'"));
  }

  @Test
  void columnsAfterAnAstralCharacterCountUtf16Units() throws Exception {
    // snakeyaml counts code points; hardock's columns (SARIF: utf16CodeUnits) count each emoji as
    // two
    Path c = dir.resolve(".hardock.yaml");
    Files.writeString(
        c,
        "custom-rules:\n  - {id: ACME009, slug: x, on: container, message: '\uD83D\uDE00\uD83D\uDE00',"
            + " when: 'container.imag == \"x\"'}\n");
    Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.load(c));
    assertEquals(c + ":2:77: ACME009: undefined field 'imag' of container", e.getMessage());
    // an unknown key after the emoji: its own column, in UTF-16 units
    Files.writeString(
        c,
        "custom-rules:\n  - {message: '\uD83D\uDE00', id: ACME009, slug: x, on: container, when: 'true',"
            + " bogus: 1}\n");
    e = assertThrows(Config.Invalid.class, () -> Config.load(c));
    assertTrue(e.getMessage().startsWith(c + ":2:72: unknown key 'bogus'"), e.getMessage());
  }

  @Test
  void theDocNamesEachVariablesTypeAsTheCheckerDoes() throws Exception {
    String doc = Files.readString(Path.of("docs/custom-rules.md"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^\\| `(\\w+)` \\| `(\\w+)`")
            .matcher(doc.substring(doc.indexOf("## Types"), doc.indexOf("| JSON Schema |")));
    Set<String> seen = new LinkedHashSet<>();
    while (m.find()) {
      assertEquals(m.group(2), ModelTypes.shown(ModelTypes.get().variable(m.group(1))), m.group());
      seen.add(m.group(1));
    }
    assertEquals(ModelTypes.VARIABLES.keySet(), seen);
  }

  @Test
  void theBenchmarksTwentyRulesCompile() throws Exception {
    assertEquals(
        20, Config.load(Path.of("bench/fixtures/custom-rules-20.yaml")).rules().custom().size());
  }

  @Test
  void anUnknownFieldInAMessageOrAtIsRefusedToo() throws Exception {
    Path c = dir.resolve(".hardock.yaml");
    Files.writeString(
        c,
        "custom-rules:\n  - id: ACME009\n    slug: x\n    on: container\n    when: 'true'\n"
            + "    message: 'image {{container.image.txt}}'\n");
    Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.load(c));
    assertEquals(c + ":6:39: ACME009: undefined field 'txt' of image", e.getMessage());
    Files.writeString(
        c,
        "custom-rules:\n  - id: ACME009\n    slug: x\n    on: container\n    when: 'true'\n"
            + "    message: m\n    at: 'container.ports.filter(p, p.hostPrt < 1024)'\n");
    e = assertThrows(Config.Invalid.class, () -> Config.load(c));
    assertEquals(c + ":7:38: ACME009: undefined field 'hostPrt' of port", e.getMessage());
    // a path: the node's fields, checked as the same select chain in CEL
    Files.writeString(
        c,
        "custom-rules:\n  - id: ACME009\n    slug: x\n    on: container\n    when: 'true'\n"
            + "    message: m\n    at: container.image.nme\n");
    e = assertThrows(Config.Invalid.class, () -> Config.load(c));
    assertEquals(c + ":7:25: ACME009: undefined field 'nme' of image", e.getMessage());
  }
}
