package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog that the build's annotation processor generated, as the product reads it. */
class RuleRegistryTest {
  @Test
  void catalogGivesEachRuleTheIdentityOfItsAnnotation() {
    List<RuleType> types = RuleRegistry.types(RuleCatalog.CLASSES, RuleCatalog.metas());
    assertEquals(RuleRegistry.ALL.size(), types.size());
    for (int i = 0; i < types.size(); i++) {
      RuleType t = types.get(i);
      assertSame(RuleRegistry.ALL.get(i).type(), t.type());
      assertEquals(RuleMeta.of(t.type()), t.meta(), t.type().getName());
      Rule a = t.get();
      Rule b = t.get();
      assertNotSame(a, b, "a fresh instance per file");
      assertSame(t.meta(), a.meta(), "the instance carries the catalog's identity");
      assertSame(RuleRegistry.ALL.get(i).meta(), RuleRegistry.ALL.get(i).get().meta());
    }
  }

  @Test
  void classTheCatalogLacksReadsItsAnnotation() {
    String[] names = RuleCatalog.CLASSES.clone();
    RuleMeta[] metas = RuleCatalog.metas();
    names[0] = "dev.hardock.rule.NoSuchRule";
    metas[0] = new RuleMeta("HD999", "wrong", Severity.STYLE, List.of(SourceKind.DAEMON), false);
    List<RuleType> types = RuleRegistry.types(names, metas);
    assertEquals(RuleMeta.of(types.get(0).type()), types.get(0).meta());
    assertEquals("HD001", types.get(0).meta().id());
    assertSame(metas[1], types.get(1).meta(), "the others keep the catalog's identity");
    assertEquals(
        RuleMeta.of(types.get(0).type()),
        RuleRegistry.types(new String[0], new RuleMeta[0]).get(0).meta());
  }

  @Test
  void catalogIsInIdOrderAndNamesEveryRegisteredRule() {
    RuleMeta[] metas = RuleCatalog.metas();
    assertEquals(RuleCatalog.CLASSES.length, metas.length);
    for (int i = 1; i < metas.length; i++)
      assertTrue(metas[i - 1].id().compareTo(metas[i].id()) < 0, metas[i].id());
    List<String> names = List.of(RuleCatalog.CLASSES);
    for (RuleType t : RuleRegistry.ALL)
      assertTrue(names.contains(t.type().getName()), t.type().getName());
  }

  @Test
  void fixHintComesFromTheDocWithoutTheCatalog() {
    // the tests run on the annotations and docs (-Dhardock.rule-annotations=true)
    RuleMeta latest = RuleRegistry.builtIn().find("HD201");
    assertEquals(RuleDoc.load(latest).fix(), RuleRegistry.builtIn().fix(latest));
    assertTrue(
        RuleRegistry.builtIn().fix(latest).startsWith("pin a version tag"),
        RuleRegistry.builtIn().fix(latest));
    RuleMeta noFix = null;
    for (RuleMeta m : RuleRegistry.builtIn().metas()) if (RuleDoc.load(m).fix() == null) noFix = m;
    assertNull(RuleRegistry.builtIn().fix(noFix));
  }

  @Test
  void ruleCreatedDirectlyReadsItsAnnotation() {
    Rule r = new dev.hardock.rule.image.LatestTag();
    assertEquals(RuleMeta.of(r.getClass()), r.meta());
  }
}
