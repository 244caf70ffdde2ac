package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.internal.EnvVisitable;
import dev.cel.common.internal.EnvVisitor;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standard declarations the compilers are given, built once (CelExpressions.standardDeclarations), are those
 * the checker builds at each check when its standard environment is enabled: the same functions with the same
 * overloads, and the same identifiers.
 */
class CelStandardDeclarationsTest {
  private static String declared(CelCompiler c) {
    StringBuilder b = new StringBuilder();
    ((EnvVisitable) c)
        .accept(
            new EnvVisitor() {
              @Override
              public void visitDecl(String name, List<dev.cel.expr.Decl> decls) {
                b.append(name).append(decls).append('\n');
              }

              @Override
              public void visitMacro(dev.cel.parser.CelMacro macro) {
                b.append(macro).append('\n');
              }
            });
    return b.toString();
  }

  @Test
  void theSameAsTheCheckersOwn() {
    CelCompiler standard =
        CelCompilerFactory.standardCelCompilerBuilder().setOptions(CelExpressions.OPTIONS).build();
    CelCompiler ours =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(CelExpressions.OPTIONS)
            .setStandardEnvironmentEnabled(false)
            .setStandardDeclarations(CelExpressions.standardDeclarations())
            .build();
    String expected = declared(standard);
    assertTrue(expected.contains("_<_") && expected.contains("timestamp"), expected);
    assertEquals(expected, declared(ours));
  }
}
