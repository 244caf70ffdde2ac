package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.secret.SecretMask;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The view remembers the short texts masking leaves as they are (ModelView.maskLine): a text is masked as
 * SecretMask masks it, the first time and every time after, and a secret is never taken for a remembered text.
 */
class ModelViewMaskingTest {
  @Property(tries = 2000)
  void aTextIsMaskedAsSecretMaskMasksItEveryTime(@ForAll("texts") String s) {
    String expected = s.length() < 5 ? s : SecretMask.maskLine(s);
    assertEquals(expected, ModelView.maskedText(s));
    assertEquals(expected, ModelView.maskedText(s));
    assertEquals(expected, ModelView.maskedText(new String(s.toCharArray())));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "apt-get",
            "install",
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "PASSWORD=hunter2",
            "--password=hunter2",
            "-phunter22",
            "https://user:pass@example.com/x",
            "xoxb-1234-5678-abcdefgh",
            "curl"),
        Arbitraries.strings().withChars("abAKI-=:_/@.p0123 ").ofMinLength(0).ofMaxLength(70),
        Arbitraries.strings().ascii().ofMaxLength(80));
  }
}
