package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated catalog as the product reads it (the other tests read the annotations). */
class RuleRegistryTest {
  @Test
  void catalogGivesEachRuleTheIdentityOfItsAnnotation() {
    List<RuleType> types = RuleRegistry.types(RuleCatalog.CLASSES, RuleCatalog.metas(), RuleCatalog.FIXES);
    assertEquals(RuleRegistry.ALL.size(), types.size());
    for (int i = 0; i < types.size(); i++) {
      RuleType t = types.get(i);
      assertSame(RuleRegistry.ALL.get(i).type(), t.type());
      assertEquals(RuleMeta.of(t.type()), t.meta(), t.type().getName());
      Rule a = t.get();
      Rule b = t.get();
      assertNotSame(a, b, "a fresh instance per file");
      assertSame(t.meta(), a.meta(), "the instance carries the catalog's identity");
      RuleDoc doc = RuleDoc.load(t.meta());
      assertEquals(doc.fix() == null ? "" : doc.fix(), t.catalogFix(), t.meta().id());
    }
  }

  @Test
  void catalogThatListsOtherClassesIsIgnored() {
    String[] names = RuleCatalog.CLASSES.clone();
    RuleMeta[] metas = RuleCatalog.metas();
    String first = names[0];
    names[0] = names[1];
    names[1] = first;
    RuleMeta wrong = new RuleMeta("HD999", "wrong", Severity.STYLE, List.of(SourceKind.DAEMON), false);
    metas[0] = wrong;
    for (RuleType t : RuleRegistry.types(names, metas, RuleCatalog.FIXES)) {
      assertEquals(RuleMeta.of(t.type()), t.meta());
      assertNull(t.catalogFix());
    }
    List<RuleType> shorter = RuleRegistry.types(new String[] {first}, new RuleMeta[] {wrong}, new String[] {"x"});
    assertEquals(RuleMeta.of(shorter.get(0).type()), shorter.get(0).meta());
  }

  @Test
  void fixHintComesFromTheDocWithoutTheCatalog() {
    // the tests run on the annotations and docs (-Dhardock.rule-annotations=true)
    RuleMeta latest = RuleRegistry.builtIn().find("HD201");
    assertEquals(RuleDoc.load(latest).fix(), RuleRegistry.builtIn().fix(latest));
    assertTrue(RuleRegistry.builtIn().fix(latest).startsWith("pin a version tag"), RuleRegistry.builtIn().fix(latest));
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
