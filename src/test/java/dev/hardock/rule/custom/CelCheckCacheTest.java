package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * An expression is checked once per kind and text (CelExpressions.check): the same checked tree again, the same
 * error at the same place again, and each kind its own (the same text names other fields in another kind).
 */
class CelCheckCacheTest {
  @Test
  void theSameTreeAndTheSameError() throws Exception {
    String text = "has(stage.base.tag) && stage.base.tag == \"latest\"";
    assertSame(
        CelExpressions.check(CustomRule.On.STAGE, text),
        CelExpressions.check(CustomRule.On.STAGE, text));
    CustomRule.CompileError first =
        assertThrows(
            CustomRule.CompileError.class,
            () -> CelExpressions.check(CustomRule.On.IMAGE, "image.nope == 1"));
    CustomRule.CompileError again =
        assertThrows(
            CustomRule.CompileError.class,
            () -> CelExpressions.check(CustomRule.On.IMAGE, "image.nope == 1"));
    assertNotSame(first, again);
    assertEquals(
        first.line + ":" + first.column + " " + first.getMessage(),
        again.line + ":" + again.column + " " + again.getMessage());
    assertEquals("undefined field 'nope' of imageBuild", again.getMessage());
    // the same text in a kind without that variable
    assertThrows(
        CustomRule.CompileError.class, () -> CelExpressions.check(CustomRule.On.IMAGE, text));
    // and two rules' expressions of one text are two expressions
    assertNotSame(
        CelExpressions.compile(CustomRule.On.STAGE, text, true),
        CelExpressions.compile(CustomRule.On.STAGE, text, true));
  }
}
