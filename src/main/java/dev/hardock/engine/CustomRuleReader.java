package dev.hardock.engine;

import dev.hardock.model.Span;
import dev.hardock.rule.RuleDoc;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import dev.hardock.rule.custom.CustomRule;
import dev.hardock.source.config.ConfigReader.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code custom-rules} list of a configuration: each entry checked, and its expressions compiled (CEL,
 * type-checked) once, by a {@link CustomRuleCompilation} that runs beside the rest of the run. Every mistake is a {@link Config.Invalid} at its line and column in the
 * configuration; an error inside an expression points at the character of the expression itself.
 */
final class CustomRuleReader {
  private static final Set<String> KEYS =
      Set.of("id", "slug", "severity", "on", "when", "message", "at", "doc", "fix", "enabled");

  /** Letters then digits, as the built-in ids: ACME001, SEC12. */
  private static final Pattern ID = Pattern.compile("[A-Za-z]{1,16}[0-9]{1,6}");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]{1,40}(-[a-z0-9]{1,40}){0,15}");
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,15}");
  static final int MAX_RULES = 500;

  private CustomRuleReader() {}

  /**
   * The custom rules of {@code list}, checked here; their expressions are added to {@code compilation} (started
   * by the caller), which reports their errors. A mistake met here comes after an error of an expression
   * added before it, as when each was compiled in turn.
   */
  static List<CustomRule> read(
      Path file, Value list, String yaml, CustomRuleCompilation compilation) throws Config.Invalid {
    try {
      return readAll(file, list, yaml, compilation);
    } catch (Config.Invalid e) {
      throw compilation.firstError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<CustomRule> readAll(
      Path file, Value list, String yaml, CustomRuleCompilation compilation) throws Config.Invalid {
    if (!(list.value() instanceof List<?> items)) {
      throw new Config.Invalid(
          file,
          list.span(),
          "custom-rules must be a list of rules (id, slug, severity, on, when, message)");
    }
    if (items.size() > MAX_RULES)
      throw new Config.Invalid(file, list.span(), "more than " + MAX_RULES + " custom rules");
    List<CustomRule> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Object o : items) {
      Value item = (Value) o;
      if (!(item.value() instanceof Map))
        throw new Config.Invalid(
            file,
            item.span(),
            "a custom rule must be a mapping (id, slug, severity, on, when, message)");
      Map<String, Value> m = (Map<String, Value>) item.value();
      for (Map.Entry<String, Value> e : m.entrySet()) {
        if (!KEYS.contains(e.getKey())) {
          throw new Config.Invalid(
              file,
              e.getValue().keySpan(),
              "unknown key '"
                  + e.getKey()
                  + "' in a custom rule: expected one of "
                  + String.join(", ", KEYS.stream().sorted().toList()));
        }
      }
      Value idV = required(file, m, "id", item);
      String id = Config.string(file, idV, "id");
      if (!ID.matcher(id).matches() || id.regionMatches(true, 0, "HD", 0, 2)) {
        throw new Config.Invalid(
            file,
            idV.span(),
            "custom rule id '" + id + "': letters then digits (ACME001), not starting with HD");
      }
      id = id.toUpperCase(java.util.Locale.ROOT);
      Value slugV = required(file, m, "slug", item);
      String slug = Config.string(file, slugV, "slug");
      if (!SLUG.matcher(slug).matches())
        throw new Config.Invalid(
            file, slugV.span(), "custom rule slug '" + slug + "': lower-case words joined by '-'");
      if (RuleRegistry.builtIn().find(id) != null || RuleRegistry.builtIn().find(slug) != null) {
        throw new Config.Invalid(
            file, idV.span(), "custom rule " + id + " " + slug + " names a built-in rule");
      }
      if (!names.add(id.toLowerCase(java.util.Locale.ROOT)))
        throw new Config.Invalid(file, idV.span(), "custom rule " + id + " is declared twice");
      if (!names.add(slug))
        throw new Config.Invalid(file, slugV.span(), "custom rule slug " + slug + " is used twice");
      Severity severity = Severity.WARNING;
      if (m.get("severity") != null) {
        severity = Severity.parse(Config.string(file, m.get("severity"), "severity"));
        if (severity == null)
          throw new Config.Invalid(
              file, m.get("severity").span(), "severity must be error, warning, info or style");
      }
      Value onV = required(file, m, "on", item);
      CustomRule.On on = CustomRule.On.byId(Config.string(file, onV, "on"));
      if (on == null)
        throw new Config.Invalid(
            file, onV.span(), "on must be container, image, stage, instruction or daemon");
      boolean enabled = m.get("enabled") == null || Config.bool(file, m.get("enabled"), "enabled");
      Value whenV = required(file, m, "when", item);
      CustomRule.Expression when =
          expression(
              compilation, file, on, whenV, Config.string(file, whenV, "when"), 0, yaml, true, id);
      Value messageV = required(file, m, "message", item);
      List<Object> message =
          template(
              compilation, file, on, messageV, Config.string(file, messageV, "message"), yaml, id);
      List<String> at = List.of();
      CustomRule.Expression atExpression = null;
      if (m.get("at") != null) {
        String path = Config.string(file, m.get("at"), "at");
        if (PATH.matcher(path.strip()).matches()) {
          at = List.of(path.strip().split("\\."));
          if (!on.variables().contains(at.get(0))) {
            throw new Config.Invalid(
                file,
                m.get("at").span(),
                id
                    + ": at must start with one of "
                    + String.join(", ", on.variables())
                    + ", not '"
                    + at.get(0)
                    + "'");
          }
          // a path is a CEL select chain: type-checked as one, a misspelt field is refused there
          expression(compilation, file, on, m.get("at"), path, 0, yaml, false, id);
        } else {
          atExpression = expression(compilation, file, on, m.get("at"), path, 0, yaml, false, id);
        }
      }
      String doc = m.get("doc") == null ? "" : Config.string(file, m.get("doc"), "doc").strip();
      Map<String, String> front = new LinkedHashMap<>();
      front.put("id", id);
      front.put("slug", slug);
      front.put("severity", severity.id());
      front.put("applies-to", on.id());
      String firstLine =
          doc.isEmpty() ? slug.replace('-', ' ') : doc.lines().findFirst().orElse("").strip();
      front.put("summary", firstLine);
      if (m.get("fix") != null) front.put("fix", Config.string(file, m.get("fix"), "fix").strip());
      String body =
          (doc.isEmpty() ? "" : doc + "\n\n")
              + "A custom rule of "
              + shown(file)
              + " (on: "
              + on.id()
              + "):\n\n    "
              + Config.string(file, whenV, "when").strip().replace("\n", "\n    ")
              + "\n";
      RuleMeta meta = new RuleMeta(id, slug, severity, on.appliesTo(), enabled);
      CustomRule rule =
          new CustomRule(meta, new RuleDoc(front, body), on, when, message, at, atExpression);
      compilation.declare(rule);
      out.add(rule);
    }
    return out;
  }

  private static String shown(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  private static Value required(Path file, Map<String, Value> m, String key, Value item)
      throws Config.Invalid {
    Value v = m.get(key);
    if (v == null) throw new Config.Invalid(file, item.span(), "a custom rule needs '" + key + "'");
    return v;
  }

  /** {@code text} with {@code {{expression}}} parts: the text pieces as strings, each expression compiled. */
  private static List<Object> template(
      CustomRuleCompilation compilation,
      Path file,
      CustomRule.On on,
      Value v,
      String text,
      String yaml,
      String id)
      throws Config.Invalid {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        parts.add(text.substring(i));
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0)
        throw new Config.Invalid(
            file, position(v, yaml, open), id + ": message: '{{' without '}}'");
      if (open > i) parts.add(text.substring(i, open));
      parts.add(
          expression(
              compilation,
              file,
              on,
              v,
              text.substring(open + 2, close),
              open + 2,
              yaml,
              false,
              id));
      i = close + 2;
    }
    return parts;
  }

  /**
   * An expression of the rule {@code id}, added to {@code compilation}: compiled there (off the caller's thread),
   * its error at the character of the expression it names.
   */
  private static CustomRule.Expression expression(
      CustomRuleCompilation compilation,
      Path file,
      CustomRule.On on,
      Value v,
      String text,
      int offset,
      String yaml,
      boolean condition,
      String id)
      throws Config.Invalid {
    if (text.isBlank()) throw new Config.Invalid(file, v.span(), id + ": empty expression");
    return compilation.add(
        () -> {
          try {
            return CustomRule.compile(on, text, condition);
          } catch (CustomRule.CompileError e) {
            int at = offset + offsetOf(text, e.line, e.column);
            throw new Config.Invalid(file, position(v, yaml, at), id + ": " + e.getMessage());
          } catch (LinkageError e) {
            throw new Config.Invalid(
                file, v.span(), id + ": the CEL library cannot be loaded (" + e + ")");
          }
        });
  }

  /**
   * The index in {@code text} of {@code line} (1-based) and {@code column} (0-based, in code points, as CEL
   * counts) inside it; past the end, its length.
   */
  static int offsetOf(String text, int line, int column) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) return text.length();
      start = nl + 1;
    }
    int i = start;
    for (int c = 0; c < column && i < text.length() && text.charAt(i) != '\n'; c++)
      i += Character.charCount(text.codePointAt(i));
    return Math.min(i, text.length());
  }

  /**
   * Where the character at {@code index} of a scalar's value stands in the YAML text. The scalar starts at
   * {@code v.span()}: quoted, plain, or a block ({@code |}, {@code >}) whose lines follow its indicator. Its value
   * is what YAML made of the lines that follow (indentation removed, folded lines joined by a space, quotes and
   * escapes resolved): each character of the value is found in turn in the text from the scalar's start on, so
   * that a character on the third line of a folded or quoted scalar is found on the third line. Between two
   * characters of the value only what YAML drops may stand (blanks, line breaks, quotes, backslashes); where the
   * text spells the value otherwise (an escape such as {@code \t}), the position is the scalar's start.
   */
  static Span position(Value v, String yaml, int index) {
    Span s = v.span();
    if (!(v.value() instanceof String value) || s.line() < 1) return s;
    int i = 0;
    for (int l = 1; l < s.line(); l++) {
      int nl = yaml.indexOf('\n', i);
      if (nl < 0) return s;
      i = nl + 1;
    }
    i += s.column() - 1;
    if (i >= yaml.length()) return s;
    char c = yaml.charAt(i);
    if (c == '|' || c == '>') {
      int nl = yaml.indexOf('\n', i);
      if (nl < 0) return s;
      i = nl + 1;
    } else if (c == '\'' || c == '"') {
      i++;
    }
    int target = Math.min(Math.max(0, index), value.length());
    for (int k = 0; k <= target && k < value.length(); k++) {
      char want = value.charAt(k);
      while (i < yaml.length() && yaml.charAt(i) != want) {
        if (" \t\r\n\\'\"".indexOf(yaml.charAt(i)) < 0) return s; // YAML drops no other character
        i++;
      }
      if (i >= yaml.length()) return s;
      if (k < target) i++;
    }
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < i && k < yaml.length(); k++) {
      if (yaml.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return Span.point(line, i - lineStart + 1);
  }
}
