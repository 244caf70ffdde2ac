package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The functions that lengthen strings are not offered: eight nested replace calls exhausted a 5 GB heap. */
class CelGrowthTest {
  @Test
  void replaceJoinAndQuoteAreRefusedWhenTheRuleIsCompiled() {
    for (String e :
        new String[] {
          "container.image.text.replace(\"a\", \"aaaaaaaaaaaaaaaa\").size() > 0",
          "[container.image.text, container.image.text].join(\"x\").size() > 0",
          "strings.quote(container.image.text).size() > 0"
        }) {
      CustomRule.CompileError err =
          assertThrows(
              CustomRule.CompileError.class,
              () -> CelExpressions.compile(CustomRule.On.CONTAINER, e, true),
              e);
      assertTrue(err.getMessage() != null && !err.getMessage().isBlank(), e);
    }
  }

  @Test
  void theFunctionsThatNeverLengthenAStringStayAvailable() throws Exception {
    CelExpressions.compile(
        CustomRule.On.CONTAINER,
        "container.image.text.lowerAscii().upperAscii().trim().split(\"/\").size() > 0"
            + " && container.image.text.substring(0).indexOf(\"a\") >= -1",
        true);
  }
}
