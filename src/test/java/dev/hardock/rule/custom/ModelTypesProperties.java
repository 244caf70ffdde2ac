package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Field paths walked at random through the types ModelTypes derives from the schema (struct fields, list
 * elements by index or through a macro's variable, map keys) always compile; the same path with one field
 * misspelt never does, and the error names that field and the type it was looked up in, at its column.
 */
class ModelTypesProperties {
  private static final Set<String> RESERVED =
      Set.of(
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while",
          "true",
          "false",
          "null");

  /** A field selected along the path: where its name starts in the text, and the struct it belongs to. */
  record Field(int offset, String name, StructType of) {}

  record Walk(CustomRule.On on, String text, List<Field> fields) {}

  /** The path {@code choices} pick: each choice selects among the options the current type offers. */
  static Walk walk(int kind, List<Integer> choices) {
    CustomRule.On on = CustomRule.On.values()[kind % CustomRule.On.values().length];
    int k = 0;
    String var = on.variables().get(pick(choices, k++, on.variables().size()));
    CelType t = ModelTypes.get().variable(var);
    StringBuilder text = new StringBuilder(var);
    StringBuilder closing = new StringBuilder();
    List<Field> fields = new ArrayList<>();
    int macros = 0;
    while (k < choices.size()) {
      int c = choices.get(k++);
      if (t instanceof StructType s) {
        List<String> names = new ArrayList<>(s.fieldNames());
        names.sort(null);
        String f = names.get(c % names.size());
        text.append('.');
        fields.add(new Field(text.length(), f, s));
        text.append(f);
        t = s.findField(f).orElseThrow().type();
      } else if (t instanceof ListType l) {
        if (c % 2 == 0) {
          text.append("[0]");
        } else {
          String x = "x" + ++macros;
          if (c % 4 == 1) {
            text.append(".map(").append(x).append(", ");
            closing.insert(0, ")");
          } else { // a bool of any element type
            text.append(".all(").append(x).append(", [");
            closing.insert(0, "].size() > 0)");
          }
          text.append(x);
        }
        t = l.elemType();
      } else if (t instanceof MapType) {
        text.append(c % 2 == 0 ? "[\"k\"]" : ".k");
        break;
      } else {
        break;
      }
    }
    return new Walk(on, text + closing.toString(), fields);
  }

  private static int pick(List<Integer> choices, int k, int n) {
    return k < choices.size() ? choices.get(k) % n : 0;
  }

  @Property(tries = 500)
  void pathsTakenFromTheSchemaAlwaysCompile(
      @ForAll @IntRange(min = 0, max = 100) int kind,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 10_000) Integer> choices) {
    Walk w = walk(kind, choices);
    assertDoesNotThrow(() -> CustomRule.compile(w.on(), w.text(), false), w.text());
  }

  @Property(tries = 500)
  void aMisspeltFieldNeverCompiles(
      @ForAll @IntRange(min = 0, max = 100) int kind,
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 10_000) Integer> choices,
      @ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll @IntRange(min = 0, max = 4) int how,
      @ForAll @IntRange(min = 0, max = 25) int letter) {
    Walk w = walk(kind, choices);
    Assume.that(!w.fields().isEmpty());
    Field f = w.fields().get(which % w.fields().size());
    String wrong = misspelt(f.name(), how, (char) ('a' + letter), which);
    Assume.that(!f.of().fieldNames().contains(wrong) && !RESERVED.contains(wrong));
    String text =
        w.text().substring(0, f.offset())
            + wrong
            + w.text().substring(f.offset() + f.name().length());
    CustomRule.CompileError e =
        assertThrows(
            CustomRule.CompileError.class, () -> CustomRule.compile(w.on(), text, false), text);
    assertEquals(
        "undefined field '" + wrong + "' of " + ModelTypes.shown(f.of()), e.getMessage(), text);
    assertEquals(1, e.line, text);
    assertEquals(f.offset(), e.column, text);
  }

  /** A name with one typing mistake: a letter added, dropped, replaced, two swapped, the first's case changed. */
  private static String misspelt(String name, int how, char letter, int where) {
    int i = where % name.length();
    return switch (how) {
      case 0 -> name.substring(0, i) + letter + name.substring(i);
      case 1 -> name.length() > 1 ? name.substring(0, i) + name.substring(i + 1) : name + letter;
      case 2 -> name.substring(0, i) + letter + name.substring(i + 1);
      case 3 ->
          name.length() > 1 && i + 1 < name.length()
              ? name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2)
              : name + letter;
      default ->
          (Character.isUpperCase(name.charAt(0))
                  ? Character.toLowerCase(name.charAt(0))
                  : Character.toUpperCase(name.charAt(0)))
              + name.substring(1);
    };
  }
}
