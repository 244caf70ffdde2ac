package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The containers a GitHub Actions workflow starts for a job: {@code jobs.<id>.container} (a mapping, or the
 * image alone as a string) and {@code jobs.<id>.services.<name>}. The runner creates each with
 * {@code docker create}, passing {@code options} as they are and {@code volumes}, {@code ports}, {@code env} as
 * {@code -v}, {@code -p}, {@code -e}; {@code credentials} log in to the registry.
 */
final class WorkflowContainers {
  /**
   * One declared container; every value keeps its place in the file.
   *
   * @param name {@code container} or {@code services.<name>}
   * @param span the key that declares it
   * @param image the image, or null
   * @param options the {@code options} text, or null
   * @param env each {@code env} entry as its key and value
   * @param password {@code credentials.password}, or null
   */
  record Decl(
      String name,
      Span span,
      Word image,
      MappedText options,
      List<Word> volumes,
      List<Word> ports,
      List<Word[]> env,
      Word password) {}

  private WorkflowContainers() {}

  static void collect(Node root, String text, LineIndex lines, List<Decl> out) {
    Node jobs = get(root, "jobs");
    if (!(jobs instanceof MappingNode jm)) return;
    for (NodeTuple job : jm.getValue()) {
      if (!(job.getValueNode() instanceof MappingNode j)) continue;
      for (NodeTuple t : j.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
        if (k.getValue().equals("container")) {
          Decl d = decl("container", k, t.getValueNode(), text, lines);
          if (d != null) out.add(d);
        } else if (k.getValue().equals("services")
            && t.getValueNode() instanceof MappingNode services) {
          for (NodeTuple s : services.getValue()) {
            if (!(s.getKeyNode() instanceof ScalarNode sk)) continue;
            Decl d = decl("services." + sk.getValue(), sk, s.getValueNode(), text, lines);
            if (d != null) out.add(d);
          }
        }
      }
    }
  }

  private static Decl decl(String name, ScalarNode key, Node value, String text, LineIndex lines) {
    Span span = FileText.scalar(key, text, lines).span(lines, 0, key.getValue().length());
    if (value instanceof ScalarNode s) {
      if (s.getValue().isBlank()) return null;
      return new Decl(
          name, span, word(s, text, lines), null, List.of(), List.of(), List.of(), null);
    }
    if (!(value instanceof MappingNode m)) return null;
    Word image =
        get(m, "image") instanceof ScalarNode s && !s.getValue().isBlank()
            ? word(s, text, lines)
            : null;
    if (image == null) return null; // image: '' (or none): the runner creates no container
    MappedText options =
        get(m, "options") instanceof ScalarNode s ? FileText.scalar(s, text, lines) : null;
    List<Word> volumes = scalars(get(m, "volumes"), text, lines);
    List<Word> ports = scalars(get(m, "ports"), text, lines);
    List<Word[]> env = new ArrayList<>();
    if (get(m, "env") instanceof MappingNode e) {
      for (NodeTuple t : e.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
          env.add(new Word[] {word(k, text, lines), word(v, text, lines)});
        }
      }
    }
    Word password =
        get(get(m, "credentials"), "password") instanceof ScalarNode p
            ? word(p, text, lines)
            : null;
    return new Decl(name, span, image, options, volumes, ports, env, password);
  }

  private static List<Word> scalars(Node node, String text, LineIndex lines) {
    List<Word> out = new ArrayList<>();
    if (node instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        if (n instanceof ScalarNode s && !s.getValue().isEmpty()) out.add(word(s, text, lines));
      }
    }
    return out;
  }

  /** A scalar as one word; a {@code ${{ expression }}} in it is an expansion nobody can resolve here. */
  static Word word(ScalarNode s, String text, LineIndex lines) {
    MappedText value = FileText.scalar(s, text, lines);
    Span span = value.span(lines, 0, value.length());
    String v = value.text();
    WordPart.Kind kind = v.contains("${{") ? WordPart.Kind.PARAMETER : WordPart.Kind.LITERAL;
    return new Word(v, span, value, List.of(new WordPart(kind, v, v, false, span)), lines);
  }

  private static Node get(Node node, String key) {
    if (!(node instanceof MappingNode m)) return null;
    Node found = null;
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        found = t.getValueNode();
    }
    return found;
  }
}
