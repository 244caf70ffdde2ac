package dev.hardock.source.run;

import dev.hardock.model.Span;
import dev.hardock.model.Substitution;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import java.util.function.Function;

/**
 * A flag value: a range of a shell word's value, with shell variables resolved where they are known. When a
 * variable is unknown the text stays symbolic ({@code $DATA:/data}), never guessed; when variables were
 * substituted the text no longer lines up with the source, so every part of it points at the whole range.
 */
final class RunValue {
  private final Word word;
  private final int from;
  private final int to;
  private final String text;
  private final boolean exact;
  private final int shift; // offset of text index 0 in the word's value, when exact

  private RunValue(Word word, int from, int to, String text, boolean exact, int shift) {
    this.word = word;
    this.from = from;
    this.to = to;
    this.text = text;
    this.exact = exact;
    this.shift = shift;
  }

  /** The value range [from, to) of a word, resolved with the variables known at this point. */
  static RunValue of(Word word, int from, int to, Function<String, String> vars) {
    String value = word.value();
    from = Math.max(0, Math.min(from, value.length()));
    to = Math.max(from, Math.min(to, value.length()));
    String symbolic = value.substring(from, to);
    if (word.isLiteral()) return new RunValue(word, from, to, symbolic, true, from);
    StringBuilder out = new StringBuilder();
    boolean substituted = false;
    int at = 0;
    for (WordPart p : word.parts()) {
      int start = at;
      int end = at + p.value().length();
      at = end;
      if (end <= from || start >= to) continue;
      if (p.kind().isLiteral()) {
        out.append(p.value(), Math.max(from, start) - start, Math.min(to, end) - start);
      } else if (p.kind() == WordPart.Kind.PARAMETER && start >= from && end <= to) {
        String v = Substitution.expand(p.text(), vars);
        if (v == null) return new RunValue(word, from, to, symbolic, true, from);
        out.append(v);
        substituted = true;
      } else {
        return new RunValue(word, from, to, symbolic, true, from);
      }
    }
    if (at != value.length()) return new RunValue(word, from, to, symbolic, true, from);
    return substituted
        ? new RunValue(word, from, to, out.toString(), false, from)
        : new RunValue(word, from, to, symbolic, true, from);
  }

  String text() {
    return text;
  }

  Word word() {
    return word;
  }

  /** True when the text still holds an expansion nobody could resolve ($X, $(cmd), ${{ expr }}). */
  boolean isSymbolic() {
    return exact && !word.isLiteral() && (text.indexOf('$') >= 0 || text.indexOf('`') >= 0);
  }

  Span span() {
    return word.span(from, to);
  }

  /** Span of the text range [a, b). */
  Span span(int a, int b) {
    if (!exact) return span();
    return word.span(shift + a, shift + b);
  }

  /** The part [a, b) of this value. */
  RunValue sub(int a, int b) {
    a = Math.max(0, Math.min(a, text.length()));
    b = Math.max(a, Math.min(b, text.length()));
    if (!exact) return new RunValue(word, from, to, text.substring(a, b), false, shift);
    return new RunValue(word, shift + a, shift + b, text.substring(a, b), true, shift + a);
  }

  @Override
  public String toString() {
    return text;
  }
}
