package dev.hardock.rule;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ImageUse;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.container.BuildArg;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;

/**
 * A check. The engine walks the model of a file once and hands every rule each node it subscribes to by
 * overriding the matching {@code check} method; a rule that needs the whole picture keeps small state and
 * decides in {@link #finish()}. A fresh instance serves one file. Rules never see raw text or parser types.
 */
public abstract class Rule {
  private static final ClassValue<RuleMeta> METAS =
      new ClassValue<>() {
        @Override
        protected RuleMeta computeValue(Class<?> type) {
          return RuleMeta.of(type);
        }
      };

  /** Given by {@link RuleType#get()} from the generated catalog; else read from the annotation on first use. */
  private RuleMeta meta;

  /** The identity of a rule class, read once from its {@link RuleInfo}. */
  static RuleMeta metaOf(Class<? extends Rule> type) {
    return METAS.get(type);
  }

  private Findings out;
  private RuleOptions options = RuleOptions.NONE;

  /** Called by the engine before the walk. */
  public final void bind(Findings findings, RuleOptions opts) {
    this.out = findings;
    this.options = opts;
  }

  public final RuleMeta meta() {
    RuleMeta m = meta;
    if (m == null) meta = m = METAS.get(getClass());
    return m;
  }

  final void meta(RuleMeta m) {
    meta = m;
  }

  protected final RuleOptions options() {
    return options;
  }

  /** This rule's own option {@code name} as a list (empty when not set): no rule spells its own id. */
  protected final java.util.List<String> optionList(String name) {
    return options.list(meta().id(), name);
  }

  protected final void report(Span span, String message) {
    out.report(meta(), span, message);
  }

  /**
   * Reports with a fix (null for none): the change that makes the finding go away, safe or unsafe (see
   * {@link Fix.Applicability}). Build its edits with {@link #replace}, {@link #insert} and {@link #delete}.
   */
  protected final void report(Span span, String message, Fix fix) {
    out.report(meta(), span, message, fix);
  }

  /** Reports with advice ({@link Finding#help}) and a fix (either may be null). */
  protected final void report(Span span, String message, String help, Fix fix) {
    out.report(meta(), span, message, help, fix);
  }

  /**
   * An edit: the text of {@code span} becomes {@code text}, in the file the span stands in (the linted file, or
   * a compose override, {@code extends} or include file whose value the finding is at).
   */
  protected final Edit replace(Span span, String text) {
    return new Edit(out.fileOf(span), span, text);
  }

  /** An edit that inserts {@code text} at a point (a line and column). */
  protected final Edit insert(int line, int column, String text) {
    return new Edit(out.file(), out.point(line, column), text);
  }

  /**
   * An edit that inserts {@code text} at a line and column of the file {@code in} stands in (a span the
   * position was computed from).
   */
  protected final Edit insert(Span in, int line, int column, String text) {
    return new Edit(out.fileOf(in), in.resized(line, column, line, column), text);
  }

  /** An edit that removes the text of {@code span}. */
  protected final Edit delete(Span span) {
    return new Edit(out.fileOf(span), span, "");
  }

  /**
   * The source text of a span as written (quotes, continuations and all), or null when unknown. Only for
   * building fixes, which must keep the quoting and layout they edit: rules judge the model, never this.
   */
  protected final String written(Span span) {
    return out.written(span);
  }

  /**
   * An edit replacing a value written at {@code span} as {@code value}, bare or in single or double quotes (the
   * quotes are kept), by {@code with}; null when the span holds anything else (an interpolated or escaped value).
   */
  protected final Edit replaceValue(Span span, String value, String with) {
    String w = written(span);
    if (w == null || span.line() != span.endLine()) return null;
    if (w.equals(value)) return replace(span, with);
    if (w.length() == value.length() + 2
        && (w.charAt(0) == '"' || w.charAt(0) == '\'')
        && w.charAt(0) == w.charAt(w.length() - 1)
        && w.substring(1, w.length() - 1).equals(value)) {
      return replace(
          span.resized(span.line(), span.column() + 1, span.line(), span.endColumn() - 1), with);
    }
    return null;
  }

  /** The text of a line of the linted file without its line end, or null (for fixes: indentation). */
  protected final String line(int line) {
    return out.line(line);
  }

  /** The text of a line of the file {@code in} stands in, without its line end, or null. */
  protected final String line(Span in, int line) {
    return out.line(in, line);
  }

  /** Reports at another severity than the rule's default, for a case that is worse (or milder) than usual. */
  protected final void report(Span span, String message, Severity severity) {
    out.report(meta(), span, message, severity);
  }

  /**
   * Reports with advice for this finding ({@link Finding#help}): what to do, apart from the message that says
   * what is wrong. Advice that fits every finding of the rule goes in its doc's {@code fix:} line instead.
   */
  protected final void report(Span span, String message, String help) {
    out.report(meta(), span, message, meta().severity(), help);
  }

  /** Reports with advice and at another severity than the rule's default. */
  protected final void report(Span span, String message, String help, Severity severity) {
    out.report(meta(), span, message, severity, help);
  }

  /** A whole Dockerfile. */
  public void check(ImageBuild build) {}

  /** Each build stage, in order. */
  public void check(Stage stage, ImageBuild build) {}

  /**
   * Each instruction in file order; {@code stage} is null before the first FROM; ONBUILD triggers come
   * after their ONBUILD with {@code trigger} set.
   */
  public void check(Instruction instruction, Stage stage, ImageBuild build) {}

  /**
   * Each shell command a Dockerfile RUN executes (shell form, heredoc scripts, ONBUILD RUN), with the
   * instruction it belongs to.
   */
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {}

  /** Each container started (a {@code docker run} line, a compose service), after the walk of its file. */
  public void check(ContainerSpec container) {}

  /** Each mount of each container. */
  public void check(Mount mount, ContainerSpec container) {}

  /** Each image pulled (not references to build stages). */
  public void check(ImageUse image) {}

  /** Each environment variable set, from any source. */
  public void check(EnvVar env) {}

  /** Each stretch of text the user wrote (instruction arguments, heredoc bodies, values) for content scans. */
  public void check(SourceText text) {}

  /** A whole daemon.json. */
  public void check(DaemonConfig config) {}

  /** Each build argument a container's image is built with (compose {@code build.args}). */
  public void check(BuildArg arg) {}

  /** After the walk. */
  public void finish() {}
}
