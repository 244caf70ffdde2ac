package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checked expressions kept between runs ({@link CheckedCache}): rules read back from the files find what rules
 * checked afresh find; a tree is kept only when it reads back as the checker gave it; a file that is not the
 * expression's own, whole, regular file is a miss, never an error; errors are never kept.
 */
class CheckedCacheTest {
  @TempDir Path tmp;

  /** A fresh folder of kept expressions, in use, with nothing checked in this JVM yet. */
  private Path kept() {
    Path dir = tmp.resolve("rules");
    CheckedCache.use(dir);
    CelExpressions.forgetChecked();
    return dir;
  }

  @AfterEach
  void reset() {
    CheckedCache.use(null);
    CelExpressions.forgetChecked();
  }

  private static List<String> findingsOverCorpus(List<CustomRule> rules) throws Exception {
    Linter linter = new Linter(LintSettings.DEFAULT);
    List<String> all = new ArrayList<>();
    int files = 0;
    try (Stream<Path> s = Files.walk(Path.of("../shared/corpus/dockerfiles"))) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
        if (files++ % 11 != 5) continue;
        Map<String, Object> model =
            linter.model(new Target(p, p.toString(), SourceKind.DOCKERFILE), null);
        all.addAll(CelPrefilterTest.findings(rules, model));
      }
    }
    return all;
  }

  @Test
  void rulesReadBackFromTheFilesFindWhatRulesCheckedAfreshFind() throws Exception {
    CelExpressions.forgetChecked();
    List<String> fresh = findingsOverCorpus(CelPrefilterTest.rules());
    assertTrue(fresh.size() > 500, "findings: " + fresh.size());

    Path dir = kept();
    CelPrefilterTest.rules(); // checked, and kept
    long kept;
    try (Stream<Path> s = Files.list(dir)) {
      kept = s.filter(p -> p.toString().endsWith(".ast")).count();
    }
    assertTrue(kept > 40, "kept: " + kept);

    CelExpressions.forgetChecked();
    int hits = CheckedCache.HITS.get();
    List<CustomRule> read = CelPrefilterTest.rules();
    // every kept expression read back (the compilation's thread and a lint worker may both read
    // one)
    assertTrue(
        CheckedCache.HITS.get() - hits >= kept, (CheckedCache.HITS.get() - hits) + " < " + kept);
    assertEquals(fresh, findingsOverCorpus(read));
  }

  @Test
  void whatIsReadIsTheFilesTreeWhenItIsTheExpressionsOwn() throws Exception {
    Path dir = kept();
    String text = "stage.final";
    CelExpressions.check(CustomRule.On.STAGE, text);
    Path file = dir.resolve(CheckedCache.name(CustomRule.On.STAGE, text));
    assertTrue(Files.isRegularFile(file));
    // the kept tree of "!stage.final" under the header of "stage.final": the file is trusted as the
    // tool's own (it lives in the launcher's cache folder), and read as it is
    byte[] other = CheckedCache.encode(CelExpressions.check(CustomRule.On.STAGE, "!stage.final"));
    Files.write(file, CheckedCache.file(CustomRule.On.STAGE, text, other));
    CelExpressions.forgetChecked();
    // decode rebuilds the positions over this text: the swapped tree's positions lie past its end,
    // and reads back as written
    CheckedCache.Kept read = CheckedCache.read(CustomRule.On.STAGE, text);
    assertNotNull(read);
    assertEquals("!_", read.light().getExpr().call().function());
    assertEquals("!_", read.full().getExpr().call().function());
  }

  @Test
  void aFileThatIsNotTheExpressionsOwnWholeRegularFileIsAMiss() throws Exception {
    Path dir = kept();
    String text = "has(stage.base.tag) && stage.base.tag == \"latest\"";
    CelAbstractSyntaxTree checked = CelExpressions.check(CustomRule.On.STAGE, text);
    Path file = dir.resolve(CheckedCache.name(CustomRule.On.STAGE, text));
    byte[] good = Files.readAllBytes(file);
    assertNotNull(CheckedCache.read(CustomRule.On.STAGE, text));

    // cut short
    Files.write(file, java.util.Arrays.copyOf(good, good.length - 3));
    assertNull(CheckedCache.read(CustomRule.On.STAGE, text));
    // trailing bytes
    Files.write(file, java.util.Arrays.copyOf(good, good.length + 1));
    assertNull(CheckedCache.read(CustomRule.On.STAGE, text));
    // another expression's header (two names alike)
    Files.write(file, Files.readAllBytes(writeFor(dir, CustomRule.On.STAGE, "stage.final")));
    assertNull(CheckedCache.read(CustomRule.On.STAGE, text));
    // the same text, another kind
    assertNull(CheckedCache.read(CustomRule.On.IMAGE, text));
    // larger than any tree
    Files.delete(file);
    try (var ch =
        Files.newByteChannel(
            file,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.position(5L << 20);
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
    }
    assertNull(CheckedCache.read(CustomRule.On.STAGE, text));
    // a link to a good file
    Files.delete(file);
    Path elsewhere = tmp.resolve("elsewhere.ast");
    Files.write(elsewhere, good);
    Files.createSymbolicLink(file, elsewhere);
    assertNull(CheckedCache.read(CustomRule.On.STAGE, text));
    // a folder
    Files.delete(file);
    Files.createDirectory(file);
    assertNull(CheckedCache.read(CustomRule.On.STAGE, text));
    Files.delete(file);
    // a named pipe: not opened (a read would block)
    if (new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0) {
      assertNull(CheckedCache.read(CustomRule.On.STAGE, text));
      Files.delete(file);
    }
    // and a miss is checked afresh, and kept again
    CelExpressions.forgetChecked();
    assertEquals(checked.getExpr(), CelExpressions.check(CustomRule.On.STAGE, text).getExpr());
    assertArrayEquals(good, Files.readAllBytes(file));
  }

  private static Path writeFor(Path dir, CustomRule.On on, String text) throws Exception {
    CelExpressions.forgetChecked();
    CelExpressions.check(on, text);
    return dir.resolve(CheckedCache.name(on, text));
  }

  @Test
  void aTextThatUtf8CannotTellFromAnotherIsNeitherKeptNorRead() throws Exception {
    // a lone surrogate (a YAML "\\uD800" escape gives one) is written as '?' in UTF-8: the header
    // of this text was that of "... == '?'", whose kept tree was read for it, where the checker
    // rejects it
    Path dir = kept();
    CelExpressions.check(CustomRule.On.INSTRUCTION, "instruction.keyword == '?'");
    CelExpressions.forgetChecked();
    String lone = "instruction.keyword == '\uD800'";
    assertNull(CheckedCache.read(CustomRule.On.INSTRUCTION, lone));
    assertThrows(
        CustomRule.CompileError.class, () -> CelExpressions.check(CustomRule.On.INSTRUCTION, lone));
    // nor is a tree of such a text kept (a comment may hold one: the expression checks)
    CelExpressions.forgetChecked();
    String commented = "instruction.keyword == 'RUN' // \uDC00";
    CelExpressions.check(CustomRule.On.INSTRUCTION, commented);
    assertFalse(Files.exists(dir.resolve(CheckedCache.name(CustomRule.On.INSTRUCTION, commented))));
  }

  @Test
  void aKeptFileDamagedAtAnyByteIsAMiss() throws Exception {
    // one byte changed in the tree's part decoded as another tree (another constant, id or
    // function: another rule, silently) or as one that compile failed on (NoSuchElementException
    // out of the configuration's compilation, on every run until the file was deleted)
    Path dir = kept();
    String text =
        "stage.instructions.exists(i, i.keyword == \"RUN\" && i.commands.exists(c, c.name in"
            + " [\"curl\", \"wget\"]))";
    CelAbstractSyntaxTree checked = CelExpressions.check(CustomRule.On.STAGE, text);
    Path file = dir.resolve(CheckedCache.name(CustomRule.On.STAGE, text));
    byte[] good = Files.readAllBytes(file);
    assertNotNull(CheckedCache.read(CustomRule.On.STAGE, text));
    for (int k = CheckedCache.header(CustomRule.On.STAGE, text).length; k < good.length; k++) {
      for (int flip : new int[] {0x01, 0x10, 0xff}) {
        byte[] b = good.clone();
        b[k] ^= (byte) flip;
        Files.write(file, b);
        assertNull(CheckedCache.read(CustomRule.On.STAGE, text), "byte " + k + " ^ " + flip);
      }
    }
    Files.write(file, good);
    assertEquals(checked.getExpr(), CheckedCache.read(CustomRule.On.STAGE, text).light().getExpr());
  }

  @Test
  void aKeptTreeThatCompileCannotUseIsCheckedAfresh() throws Exception {
    // a whole file (its check sum right) whose tree is not one the checker makes: here the root's
    // type is a string (compile refuses the condition)
    Path dir = kept();
    String text = "stage.instructions.exists(i, i.keyword == \"RUN\")";
    CelAbstractSyntaxTree checked = CelExpressions.check(CustomRule.On.STAGE, text);
    Map<Long, dev.cel.common.types.CelType> types = new java.util.HashMap<>(checked.getTypeMap());
    types.put(checked.getExpr().id(), dev.cel.common.types.SimpleType.STRING);
    CelAbstractSyntaxTree broken =
        CelAbstractSyntaxTree.newCheckedAst(
            checked.getExpr(), checked.getSource(), checked.getReferenceMap(), types);
    Path file = dir.resolve(CheckedCache.name(CustomRule.On.STAGE, text));
    Files.write(file, CheckedCache.file(CustomRule.On.STAGE, text, CheckedCache.encode(broken)));
    CelExpressions.forgetChecked();
    assertNotNull(CheckedCache.read(CustomRule.On.STAGE, text));
    CustomRule.Expression e = CustomRule.compile(CustomRule.On.STAGE, text, true);
    assertNotNull(e);
    // and the file holds the checker's tree again
    CelExpressions.forgetChecked();
    assertEquals(
        checked.getTypeMap(), CheckedCache.read(CustomRule.On.STAGE, text).full().getTypeMap());
  }

  @Test
  void aKeptTreeWhoseNodesTypesTheRuntimeCannotUseIsCheckedAfresh() throws Exception {
    // a whole file (its check sum right) whose light read is the checker's tree (nodes,
    // references, the root's type) but whose types' section holds the root's type alone: compile
    // took the light tree, and cel-java's runtime (split: not DirectEval's) failed on the whole
    // one ("cannot be run": the rule could not be evaluated on any file, on every run, the file
    // never written again)
    Path dir = kept();
    String text = "instruction.args.split(' ').size() > 1";
    CelAbstractSyntaxTree checked = CelExpressions.check(CustomRule.On.INSTRUCTION, text);
    Map<Long, dev.cel.common.types.CelType> types =
        Map.of(checked.getExpr().id(), checked.getResultType());
    CelAbstractSyntaxTree rootOnly =
        CelAbstractSyntaxTree.newCheckedAst(
            checked.getExpr(), checked.getSource(), checked.getReferenceMap(), types);
    Path file = dir.resolve(CheckedCache.name(CustomRule.On.INSTRUCTION, text));
    Files.write(
        file, CheckedCache.file(CustomRule.On.INSTRUCTION, text, CheckedCache.encode(rootOnly)));
    CelExpressions.forgetChecked();
    assertEquals(
        checked.getExpr(), CheckedCache.read(CustomRule.On.INSTRUCTION, text).light().getExpr());
    CustomRule.Expression e = CustomRule.compile(CustomRule.On.INSTRUCTION, text, true);
    Map<String, Object> instruction = Map.of("keyword", "RUN", "args", "apt-get update");
    assertEquals(
        true,
        e.eval(
            new CustomRules.Scope(
                CustomRule.On.INSTRUCTION, instruction, Map.of(), Map.of(), Map.of())));
    // and the file holds the checker's tree again
    CelExpressions.forgetChecked();
    assertEquals(
        checked.getTypeMap(),
        CheckedCache.read(CustomRule.On.INSTRUCTION, text).full().getTypeMap());
  }

  @Test
  void aKeptTreeWhoseTypesDoNotReadBackIsCheckedAfreshAndKeptAgain() throws Exception {
    // the types' section names a struct type the model does not have: the light read holds, the
    // whole one does not (Kept.full() is null); the checker's tree is used and kept again
    Path dir = kept();
    String text = "instruction.args.split(' ').size() > 1";
    CelAbstractSyntaxTree checked = CelExpressions.check(CustomRule.On.INSTRUCTION, text);
    String struct =
        checked.getTypeMap().values().stream()
            .filter(t -> t.kind() == dev.cel.common.types.CelKind.STRUCT)
            .findFirst()
            .orElseThrow()
            .name();
    byte[] body = CheckedCache.encode(checked);
    // the last mention of the struct type's name (in the types' section, after the root's bool)
    // made another name of the same length, that the model does not have
    byte[] name = struct.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int at = -1;
    for (int i = 0; i + name.length <= body.length; i++)
      if (java.util.Arrays.equals(body, i, i + name.length, name, 0, name.length)) at = i;
    assertTrue(at > 0);
    body[at + name.length - 1] = (byte) (body[at + name.length - 1] == 'Q' ? 'R' : 'Q');
    Path file = dir.resolve(CheckedCache.name(CustomRule.On.INSTRUCTION, text));
    Files.write(file, CheckedCache.file(CustomRule.On.INSTRUCTION, text, body));
    CelExpressions.forgetChecked();
    CheckedCache.Kept kept = CheckedCache.read(CustomRule.On.INSTRUCTION, text);
    assertNotNull(kept);
    assertNull(kept.full());
    CelExpressions.forgetChecked();
    assertEquals(
        checked.getTypeMap(), CelExpressions.check(CustomRule.On.INSTRUCTION, text).getTypeMap());
    CelExpressions.forgetChecked();
    assertEquals(
        checked.getTypeMap(),
        CheckedCache.read(CustomRule.On.INSTRUCTION, text).full().getTypeMap());
  }

  @Test
  void aFolderThatIsALinkIsNeitherReadNorWritten() throws Exception {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    CheckedCache.use(link);
    CelExpressions.forgetChecked();
    CelExpressions.check(CustomRule.On.STAGE, "stage.final");
    try (Stream<Path> s = Files.list(real)) {
      assertEquals(0, s.count());
    }
    // a good file put there by hand is not read through the link either
    CheckedCache.use(real);
    CelExpressions.forgetChecked();
    CelExpressions.check(CustomRule.On.STAGE, "stage.final");
    CheckedCache.use(link);
    assertNull(CheckedCache.read(CustomRule.On.STAGE, "stage.final"));
  }

  @Test
  void errorsAreNeverKept() throws Exception {
    Path dir = kept();
    assertThrows(
        CustomRule.CompileError.class,
        () -> CelExpressions.check(CustomRule.On.IMAGE, "image.nope == 1"));
    assertThrows(
        CustomRule.CompileError.class,
        () -> CelExpressions.check(CustomRule.On.IMAGE, "image.user +"));
    assertFalse(Files.exists(dir) && Files.list(dir).findAny().isPresent());
  }

  @Property(tries = 300)
  void anyBytesAfterTheHeaderAreATreeOrAMissNeverAnError(
      @ForAll @Size(max = 400) byte[] body, @ForAll boolean keepStart) throws Exception {
    Path dir = Files.createTempDirectory("hardock-kept");
    try {
      CheckedCache.use(dir);
      CelExpressions.forgetChecked();
      String text = "stage.instructions.exists(i, i.keyword == \"RUN\")";
      CelExpressions.check(CustomRule.On.STAGE, text);
      Path file = dir.resolve(CheckedCache.name(CustomRule.On.STAGE, text));
      byte[] good = Files.readAllBytes(file);
      int head = CheckedCache.header(CustomRule.On.STAGE, text).length;
      int bodyLength = good.length - head;
      // the header, then random bytes (or the tree's first bytes, then random ones)
      int start = keepStart ? Math.min(bodyLength, body.length) / 2 : 0;
      byte[] bytes = new byte[head + start + body.length];
      System.arraycopy(good, 0, bytes, 0, head + start);
      System.arraycopy(body, 0, bytes, head + start, body.length);
      Files.write(file, bytes);
      // a tree or null, never an exception; its types too, when asked for
      CheckedCache.Kept kept = CheckedCache.read(CustomRule.On.STAGE, text);
      if (kept != null) kept.full();
    } finally {
      CheckedCache.use(null);
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : (Iterable<Path>) s::iterator) Files.delete(p);
      }
      Files.delete(dir);
    }
  }

  @Test
  void aTreeWhoseSourceTheFormDropsDoesNotReadBack() throws Exception {
    // the form keeps a source's description and positions only (its text and lines come from the
    // expression): a tree whose source holds more (a macro call, as a parser populating them
    // gives) reads back as another tree, and is not kept
    String text = "stage.instructions.exists(i, i.keyword == \"RUN\")";
    CelAbstractSyntaxTree checked = CelExpressions.check(CustomRule.On.STAGE, text);
    assertTrue(CheckedCache.readsBack(CheckedCache.encode(checked), text, checked));
    CelAbstractSyntaxTree withMacro =
        CelAbstractSyntaxTree.newCheckedAst(
            checked.getExpr(),
            checked.getSource().toBuilder()
                .addMacroCalls(checked.getExpr().id(), checked.getExpr())
                .build(),
            checked.getReferenceMap(),
            checked.getTypeMap());
    assertFalse(CheckedCache.readsBack(CheckedCache.encode(withMacro), text, withMacro));
  }

  @Property(tries = 1000)
  void randomCheckedExpressionsReadBackAsChecked(@ForAll long seed) {
    Random r = new Random(seed);
    String text = new DirectEvalTest.Gen(r).cond(0);
    CelAbstractSyntaxTree ast = DirectEvalTest.checked(text);
    if (ast == null) return;
    byte[] body = CheckedCache.encode(ast);
    assertNotNull(body, text);
    assertTrue(CheckedCache.readsBack(body, text, ast), text);
    CelAbstractSyntaxTree back = assertDoesNotThrow(() -> CheckedCache.decode(body, text, false));
    assertEquals(ast.getResultType(), back.getResultType(), text);
    assertEquals(ast.getExpr(), back.getExpr(), text);
  }

  private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
  }
}
