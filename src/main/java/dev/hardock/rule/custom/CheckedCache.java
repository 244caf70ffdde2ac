package dev.hardock.rule.custom;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.common.types.TypeParamType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checked expressions kept between runs, in the directory that the system property {@value #PROPERTY} names (the
 * launcher gives one per jar, beside its JVM cache; without it nothing is kept or read). Parsing and type checking
 * with cel-java cost a pre-commit run 150-200 ms of CPU and as much again in JIT work, every time, for the same
 * few expressions; reading them back costs a few milliseconds. A file per expression: its kind and text, then
 * the checked tree (its nodes, the checker's references and types, the source positions) in a form of its own
 * (cel-java's protobuf form would load protobuf and its descriptors, most of what is saved); named by a hash of
 * both. A file is used only when its kind and text are the expression's, byte for byte, its check sum is right
 * and it reads back whole; anything else (absent, a link, not a regular file, too large, damaged, another format)
 * is a miss, and so is a tree that compiling cannot use (CelExpressions#compile): the
 * expression is checked as always and the file written again. A tree is written only when it reads back equal
 * to what the checker gave (nodes, references, types, source), and only expressions that checked without error are
 * kept: an error is found and reported by the checker itself each time.
 */
final class CheckedCache {
  static final String PROPERTY = "hardock.ruleCache";

  private static final String MAGIC = "hardock-checked-expr 3\n";
  private static final long MAX_BYTES = 4L << 20;

  /** Files kept at most: a directory that holds more is read but not written to. */
  static final int MAX_FILES = 10_000;

  private static volatile Path dir = fromProperty();
  private static volatile Boolean full;

  /** Expressions read back from files in this JVM (tests). */
  static final java.util.concurrent.atomic.AtomicInteger HITS =
      new java.util.concurrent.atomic.AtomicInteger();

  private CheckedCache() {}

  private static Path fromProperty() {
    String d = System.getProperty(PROPERTY);
    if (d == null || d.isBlank()) return null;
    try {
      return Path.of(d).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** For tests: the directory to use (null: none). */
  static void use(Path directory) {
    dir = directory;
    full = null;
  }

  /**
   * A checked expression read back: its tree with the type of its root only ({@link #light}: what planning and
   * running it by DirectEval need), and the whole tree, every node's type too ({@link #full}: for cel-java's
   * runtime), decoded when first asked for. Decoding the types is most of a read (the model's struct types come
   * from its schema, read then), and most expressions never need them.
   */
  static final class Kept {
    private final CelAbstractSyntaxTree light;
    private final byte[] body;
    private final String text;
    private CelAbstractSyntaxTree full;

    private Kept(CelAbstractSyntaxTree light, byte[] body, String text) {
      this.light = light;
      this.body = body;
      this.text = text;
    }

    CelAbstractSyntaxTree light() {
      return light;
    }

    /** The whole tree; null if its types cannot be read back (never, for a file this class wrote). */
    synchronized CelAbstractSyntaxTree full() {
      if (full == null) {
        try {
          full = decode(body, text, true);
        } catch (IOException | RuntimeException | StackOverflowError e) {
          return null;
        }
      }
      return full;
    }
  }

  /** The checked tree kept for {@code text} of a rule on {@code on}, or null. */
  static Kept read(CustomRule.On on, String text) {
    Path d = dir;
    if (d == null || !keepable(text)) return null;
    try {
      if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) return null;
      Path f = d.resolve(name(on, text));
      BasicFileAttributes a =
          Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile() || a.size() > MAX_BYTES) return null;
      byte[] bytes;
      // outside FileAccess: the launcher's own cache folder, not the linted tree (no project root
      // to
      // keep to); a regular file, not through a link, bounded, as FileAccess reads
      try (SeekableByteChannel ch =
          Files.newByteChannel(
              f, java.util.Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
        long size = ch.size();
        if (size > MAX_BYTES) return null;
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && ch.read(b) > 0) {}
        if (b.hasRemaining()) return null;
        bytes = b.array();
      }
      byte[] head = header(on, text);
      int end = bytes.length - 4; // the check sum's
      if (end < head.length
          || !Arrays.equals(bytes, 0, head.length, head, 0, head.length)
          || ByteBuffer.wrap(bytes, end, 4).getInt() != checkSum(bytes, end)) return null;
      byte[] body = Arrays.copyOfRange(bytes, head.length, end);
      Kept kept = new Kept(decode(body, text, false), body, text);
      HITS.incrementAndGet();
      return kept;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /** Keeps {@code checked}, the checked tree of {@code text} of a rule on {@code on} (best effort). */
  static void write(CustomRule.On on, String text, CelAbstractSyntaxTree checked) {
    Path d = dir;
    if (d == null || !keepable(text)) return;
    Path tmp = null;
    try {
      if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
        Path parent = d.getParent();
        if (parent == null || !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) return;
        try {
          Files.createDirectory(d);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // made by another run at the same time
        }
        if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) return;
      }
      if (full == null) {
        try (var s = Files.list(d)) {
          full = s.limit(MAX_FILES + 1L).count() > MAX_FILES;
        }
      }
      if (full) return;
      byte[] body = encode(checked);
      if (body == null || body.length > MAX_BYTES) return;
      if (!readsBack(body, text, checked)) return;
      byte[] whole = file(on, text, body);
      if (whole.length > MAX_BYTES) return;
      // a new file of our own (created exclusively, never through a link), then renamed over the
      // name: a
      // rename replaces a link there instead of following it, and readers see a whole file or none
      tmp = Files.createTempFile(d, "w", ".tmp");
      // outside FileAccess: a write, to the file just made here
      try (SeekableByteChannel ch =
          Files.newByteChannel(
              tmp, java.util.Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
        ByteBuffer b = ByteBuffer.wrap(whole);
        while (b.hasRemaining()) ch.write(b);
      }
      Files.move(tmp, d.resolve(name(on, text)), StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // not kept: the next run checks it again
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // left behind: a temporary file no reader takes
        }
      }
    }
  }

  /** Whether {@code body} (what {@link #encode} made of {@code checked}) reads back as the same tree. */
  static boolean readsBack(byte[] body, String text, CelAbstractSyntaxTree checked) {
    try {
      CelAbstractSyntaxTree back = decode(body, text, true);
      CelAbstractSyntaxTree light = decode(body, text, false);
      return back.getExpr().equals(checked.getExpr())
          && back.getReferenceMap().equals(checked.getReferenceMap())
          && back.getTypeMap().equals(checked.getTypeMap())
          // all of the source: its text, lines, description, positions, and what the form does not
          // keep (macro calls, extensions) must be absent
          && back.getSource().equals(checked.getSource())
          && light.getExpr().equals(checked.getExpr())
          && light.getReferenceMap().equals(checked.getReferenceMap())
          && light.getResultType().equals(checked.getResultType())
          && light.getSource().equals(checked.getSource());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  /**
   * Whether the header names {@code text} alone: UTF-8 writes each lone surrogate (a YAML {@code "\\uD800"}
   * escape makes one) as '?', so that such a text would read the tree kept for another (the one with '?' there).
   */
  private static boolean keepable(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)))
        i++;
      else return false;
    }
    return true;
  }

  /**
   * A kept file: the header, the tree's form ({@link #encode}), and a CRC-32C of both (a file damaged at any
   * byte is a miss, not another tree: a tree is trusted as the checker's once read).
   */
  static byte[] file(CustomRule.On on, String text, byte[] body) {
    byte[] head = header(on, text);
    byte[] out = Arrays.copyOf(head, head.length + body.length + 4);
    System.arraycopy(body, 0, out, head.length, body.length);
    ByteBuffer.wrap(out, head.length + body.length, 4)
        .putInt(checkSum(out, head.length + body.length));
    return out;
  }

  private static int checkSum(byte[] bytes, int length) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /** A kept file's first bytes: the format, the kind and the expression's text (in UTF-8, with its length). */
  static byte[] header(CustomRule.On on, String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] lead = (MAGIC + on.id() + "\n" + t.length + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(lead, lead.length + t.length);
    System.arraycopy(t, 0, out, lead.length, t.length);
    return out;
  }

  /**
   * The file's name: two 64-bit FNV-1a hashes of the header (a cryptographic digest would load the security
   * providers: more than the whole read). Two expressions of the same name only take turns in the file: its
   * header says whose it is.
   */
  static String name(CustomRule.On on, String text) {
    byte[] h = header(on, text);
    long a = 0xcbf29ce484222325L;
    long b = 0x84222325cbf29ce4L;
    for (byte x : h) {
      a = (a ^ (x & 0xff)) * 0x100000001b3L;
      b = (b ^ (x & 0xff)) * 0x100000001b3L + 0x9e3779b97f4a7c15L;
    }
    return hex(a) + hex(b) + ".ast";
  }

  private static String hex(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(16 - h.length()) + h;
  }

  // ---------------------------------------------------------------- the tree's form

  private static final int MAX_NESTING = 2_000;

  /** The checked tree as bytes, or null when it holds something this form does not know. */
  static byte[] encode(CelAbstractSyntaxTree ast) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
      DataOutputStream out = new DataOutputStream(bytes);
      CelSource source = ast.getSource();
      out.writeUTF(source.getDescription());
      Map<Long, Integer> positions = source.getPositionsMap();
      out.writeInt(positions.size());
      for (Map.Entry<Long, Integer> e : positions.entrySet()) {
        out.writeLong(e.getKey());
        out.writeInt(e.getValue());
      }
      expr(out, ast.getExpr(), 0);
      Map<Long, CelReference> refs = ast.getReferenceMap();
      out.writeInt(refs.size());
      for (Map.Entry<Long, CelReference> e : refs.entrySet()) {
        out.writeLong(e.getKey());
        CelReference r = e.getValue();
        out.writeUTF(r.name());
        out.writeInt(r.overloadIds().size());
        for (String o : r.overloadIds()) out.writeUTF(o);
        out.writeBoolean(r.value().isPresent());
        if (r.value().isPresent()) constant(out, r.value().get());
      }
      type(out, ast.getResultType(), 0);
      ByteArrayOutputStream typeBytes = new ByteArrayOutputStream(512);
      DataOutputStream typesOut = new DataOutputStream(typeBytes);
      Map<Long, CelType> types = ast.getTypeMap();
      typesOut.writeInt(types.size());
      for (Map.Entry<Long, CelType> e : types.entrySet()) {
        typesOut.writeLong(e.getKey());
        type(typesOut, e.getValue(), 0);
      }
      typesOut.flush();
      out.writeInt(typeBytes.size());
      typeBytes.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null; // a form this one does not know, or a string too long for it
    }
  }

  private static void expr(DataOutputStream out, CelExpr e, int depth) throws IOException {
    if (depth > MAX_NESTING) throw new IOException("too deep");
    out.writeLong(e.id());
    switch (e.getKind()) {
      case NOT_SET -> out.writeByte(0);
      case CONSTANT -> {
        out.writeByte(1);
        constant(out, e.constant());
      }
      case IDENT -> {
        out.writeByte(2);
        out.writeUTF(e.ident().name());
      }
      case SELECT -> {
        out.writeByte(3);
        expr(out, e.select().operand(), depth + 1);
        out.writeUTF(e.select().field());
        out.writeBoolean(e.select().testOnly());
      }
      case CALL -> {
        out.writeByte(4);
        out.writeBoolean(e.call().target().isPresent());
        if (e.call().target().isPresent()) expr(out, e.call().target().get(), depth + 1);
        out.writeUTF(e.call().function());
        out.writeInt(e.call().args().size());
        for (CelExpr a : e.call().args()) expr(out, a, depth + 1);
      }
      case LIST -> {
        out.writeByte(5);
        out.writeInt(e.list().elements().size());
        for (CelExpr a : e.list().elements()) expr(out, a, depth + 1);
        out.writeInt(e.list().optionalIndices().size());
        for (int i : e.list().optionalIndices()) out.writeInt(i);
      }
      case STRUCT -> {
        out.writeByte(6);
        out.writeUTF(e.struct().messageName());
        out.writeInt(e.struct().entries().size());
        for (CelExpr.CelStruct.Entry x : e.struct().entries()) {
          out.writeLong(x.id());
          out.writeUTF(x.fieldKey());
          expr(out, x.value(), depth + 1);
          out.writeBoolean(x.optionalEntry());
        }
      }
      case MAP -> {
        out.writeByte(7);
        out.writeInt(e.map().entries().size());
        for (CelExpr.CelMap.Entry x : e.map().entries()) {
          out.writeLong(x.id());
          expr(out, x.key(), depth + 1);
          expr(out, x.value(), depth + 1);
          out.writeBoolean(x.optionalEntry());
        }
      }
      case COMPREHENSION -> {
        out.writeByte(8);
        CelExpr.CelComprehension c = e.comprehension();
        out.writeUTF(c.iterVar());
        out.writeUTF(c.iterVar2());
        expr(out, c.iterRange(), depth + 1);
        out.writeUTF(c.accuVar());
        expr(out, c.accuInit(), depth + 1);
        expr(out, c.loopCondition(), depth + 1);
        expr(out, c.loopStep(), depth + 1);
        expr(out, c.result(), depth + 1);
      }
      default -> throw new IOException("unknown kind " + e.getKind());
    }
  }

  private static void constant(DataOutputStream out, CelConstant c) throws IOException {
    switch (c.getKind()) {
      case NULL_VALUE -> out.writeByte(0);
      case BOOLEAN_VALUE -> {
        out.writeByte(1);
        out.writeBoolean(c.booleanValue());
      }
      case INT64_VALUE -> {
        out.writeByte(2);
        out.writeLong(c.int64Value());
      }
      case UINT64_VALUE -> {
        out.writeByte(3);
        out.writeLong(c.uint64Value().longValue());
      }
      case DOUBLE_VALUE -> {
        out.writeByte(4);
        out.writeLong(Double.doubleToRawLongBits(c.doubleValue()));
      }
      case STRING_VALUE -> {
        out.writeByte(5);
        byte[] b = c.stringValue().getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
      case BYTES_VALUE -> {
        out.writeByte(6);
        byte[] b = c.bytesValue().toByteArray();
        out.writeInt(b.length);
        out.write(b);
      }
      default -> throw new IOException("unknown constant " + c.getKind());
    }
  }

  private static void type(DataOutputStream out, CelType t, int depth) throws IOException {
    if (depth > 64) throw new IOException("too deep");
    if (t instanceof SimpleType) {
      out.writeByte(0);
      out.writeUTF(t.kind().name());
    } else if (t instanceof ListType l) {
      out.writeByte(1);
      type(out, l.elemType(), depth + 1);
    } else if (t instanceof MapType m) {
      out.writeByte(2);
      type(out, m.keyType(), depth + 1);
      type(out, m.valueType(), depth + 1);
    } else if (t instanceof StructTypeReference) {
      out.writeByte(9);
      out.writeUTF(t.name());
    } else if (t.kind() == CelKind.STRUCT
        && ModelTypes.get().findType(t.name()).orElse(null) == t) {
      out.writeByte(3);
      out.writeUTF(t.name());
    } else if (t instanceof TypeType) {
      out.writeByte(4);
      type(out, t.parameters().get(0), depth + 1);
    } else if (t instanceof TypeParamType) {
      out.writeByte(5);
      out.writeUTF(t.name());
    } else if (t instanceof NullableType n) {
      out.writeByte(6);
      type(out, n.targetType(), depth + 1);
    } else if (t instanceof OptionalType) {
      out.writeByte(7);
      type(out, t.parameters().get(0), depth + 1);
    } else if (t instanceof OpaqueType) {
      out.writeByte(8);
      out.writeUTF(t.name());
      out.writeInt(t.parameters().size());
      for (CelType p : t.parameters()) type(out, p, depth + 1);
    } else {
      throw new IOException("unknown type " + t);
    }
  }

  /**
   * The tree {@link #encode} wrote, over the expression's {@code text}: with every node's type ({@code full}),
   * else with its root's only (the types' section is then only measured).
   */
  static CelAbstractSyntaxTree decode(byte[] body, String text, boolean full) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
    CelSource.Builder source = CelSource.newBuilder(text).setDescription(in.readUTF());
    int n = count(in);
    for (int i = 0; i < n; i++) source.addPositions(in.readLong(), in.readInt());
    CelExpr root = expr(in, 0);
    int refs = count(in);
    Map<Long, CelReference> references = new HashMap<>();
    for (int i = 0; i < refs; i++) {
      long id = in.readLong();
      CelReference.Builder r = CelReference.newBuilder().setName(in.readUTF());
      int overloads = count(in);
      for (int k = 0; k < overloads; k++) r.addOverloadIds(in.readUTF());
      if (in.readBoolean()) r.setValue(constant(in));
      references.put(id, r.build());
    }
    CelType result = type(in, 0);
    int typesLength = in.readInt();
    if (typesLength != in.available())
      throw new IOException("the types' section is cut or overlong");
    Map<Long, CelType> types = new HashMap<>();
    if (full) {
      int typed = count(in);
      for (int i = 0; i < typed; i++) {
        long id = in.readLong();
        types.put(id, type(in, 0));
      }
      if (in.read() != -1) throw new IOException("trailing bytes");
      if (!result.equals(types.get(root.id()))) throw new IOException("another result type");
    } else {
      types.put(root.id(), result);
    }
    return CelAbstractSyntaxTree.newCheckedAst(root, source.build(), references, types);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1_000_000) throw new IOException("bad count " + n);
    return n;
  }

  private static CelExpr expr(DataInputStream in, int depth) throws IOException {
    if (depth > MAX_NESTING) throw new IOException("too deep");
    long id = in.readLong();
    int kind = in.readUnsignedByte();
    switch (kind) {
      case 0:
        return CelExpr.ofNotSet(id);
      case 1:
        return CelExpr.ofConstant(id, constant(in));
      case 2:
        return CelExpr.ofIdent(id, in.readUTF());
      case 3:
        {
          CelExpr operand = expr(in, depth + 1);
          return CelExpr.ofSelect(id, operand, in.readUTF(), in.readBoolean());
        }
      case 4:
        {
          Optional<CelExpr> target =
              in.readBoolean() ? Optional.of(expr(in, depth + 1)) : Optional.empty();
          String function = in.readUTF();
          int n = count(in);
          ImmutableList.Builder<CelExpr> args = ImmutableList.builder();
          for (int i = 0; i < n; i++) args.add(expr(in, depth + 1));
          return CelExpr.ofCall(id, target, function, args.build());
        }
      case 5:
        {
          int n = count(in);
          ImmutableList.Builder<CelExpr> elements = ImmutableList.builder();
          for (int i = 0; i < n; i++) elements.add(expr(in, depth + 1));
          int m = count(in);
          ImmutableList.Builder<Integer> optional = ImmutableList.builder();
          for (int i = 0; i < m; i++) optional.add(in.readInt());
          return CelExpr.ofList(id, elements.build(), optional.build());
        }
      case 6:
        {
          String message = in.readUTF();
          int n = count(in);
          ImmutableList.Builder<CelExpr.CelStruct.Entry> entries = ImmutableList.builder();
          for (int i = 0; i < n; i++) {
            long entryId = in.readLong();
            String key = in.readUTF();
            CelExpr value = expr(in, depth + 1);
            entries.add(CelExpr.ofStructEntry(entryId, key, value, in.readBoolean()));
          }
          return CelExpr.ofStruct(id, message, entries.build());
        }
      case 7:
        {
          int n = count(in);
          ImmutableList.Builder<CelExpr.CelMap.Entry> entries = ImmutableList.builder();
          for (int i = 0; i < n; i++) {
            long entryId = in.readLong();
            CelExpr key = expr(in, depth + 1);
            CelExpr value = expr(in, depth + 1);
            entries.add(CelExpr.ofMapEntry(entryId, key, value, in.readBoolean()));
          }
          return CelExpr.ofMap(id, entries.build());
        }
      case 8:
        {
          String iterVar = in.readUTF();
          String iterVar2 = in.readUTF();
          CelExpr range = expr(in, depth + 1);
          String accuVar = in.readUTF();
          CelExpr init = expr(in, depth + 1);
          CelExpr condition = expr(in, depth + 1);
          CelExpr step = expr(in, depth + 1);
          CelExpr result = expr(in, depth + 1);
          return CelExpr.ofComprehension(
              id, iterVar, iterVar2, range, accuVar, init, condition, step, result);
        }
      default:
        throw new IOException("bad kind " + kind);
    }
  }

  private static CelConstant constant(DataInputStream in) throws IOException {
    int kind = in.readUnsignedByte();
    switch (kind) {
      case 0:
        return CelConstant.ofValue(NullValue.NULL_VALUE);
      case 1:
        return CelConstant.ofValue(in.readBoolean());
      case 2:
        return CelConstant.ofValue(in.readLong());
      case 3:
        return CelConstant.ofValue(UnsignedLong.fromLongBits(in.readLong()));
      case 4:
        return CelConstant.ofValue(Double.longBitsToDouble(in.readLong()));
      case 5:
        return CelConstant.ofValue(new String(bytes(in), StandardCharsets.UTF_8));
      case 6:
        return CelConstant.ofValue(CelByteString.of(bytes(in)));
      default:
        throw new IOException("bad constant " + kind);
    }
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_BYTES) throw new IOException("bad length " + n);
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static final List<CelType> SIMPLE =
      List.of(
          SimpleType.DYN,
          SimpleType.ANY,
          SimpleType.BOOL,
          SimpleType.BYTES,
          SimpleType.DOUBLE,
          SimpleType.DURATION,
          SimpleType.INT,
          SimpleType.NULL_TYPE,
          SimpleType.STRING,
          SimpleType.TIMESTAMP,
          SimpleType.UINT,
          SimpleType.ERROR);

  private static CelType type(DataInputStream in, int depth) throws IOException {
    if (depth > 64) throw new IOException("too deep");
    int kind = in.readUnsignedByte();
    switch (kind) {
      case 0:
        {
          String k = in.readUTF();
          for (CelType t : SIMPLE) if (t.kind().name().equals(k)) return t;
          throw new IOException("bad simple type " + k);
        }
      case 1:
        return ListType.create(type(in, depth + 1));
      case 2:
        {
          CelType key = type(in, depth + 1);
          return MapType.create(key, type(in, depth + 1));
        }
      case 3:
        {
          String name = in.readUTF();
          return ModelTypes.get()
              .findType(name)
              .orElseThrow(() -> new IOException("no type " + name));
        }
      case 4:
        return TypeType.create(type(in, depth + 1));
      case 5:
        return TypeParamType.create(in.readUTF());
      case 6:
        return NullableType.create(type(in, depth + 1));
      case 7:
        return OptionalType.create(type(in, depth + 1));
      case 8:
        {
          String name = in.readUTF();
          int n = count(in);
          ImmutableList.Builder<CelType> params = ImmutableList.builder();
          for (int i = 0; i < n; i++) params.add(type(in, depth + 1));
          return OpaqueType.create(name, params.build());
        }
      case 9:
        return StructTypeReference.create(in.readUTF());
      default:
        throw new IOException("bad type " + kind);
    }
  }
}
