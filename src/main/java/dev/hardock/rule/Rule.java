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
  private static final ClassValue<RuleMeta> METAS = new ClassValue<>() {
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
  public void check(ImageBuild build) { }

  /** Each build stage, in order. */
  public void check(Stage stage, ImageBuild build) { }

  /**
   * Each instruction in file order; {@code stage} is null before the first FROM; ONBUILD triggers come
   * after their ONBUILD with {@code trigger} set.
   */
  public void check(Instruction instruction, Stage stage, ImageBuild build) { }

  /**
   * Each shell command a Dockerfile RUN executes (shell form, heredoc scripts, ONBUILD RUN), with the
   * instruction it belongs to.
   */
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) { }

  /** Each container started (a {@code docker run} line, a compose service), after the walk of its file. */
  public void check(ContainerSpec container) { }

  /** Each mount of each container. */
  public void check(Mount mount, ContainerSpec container) { }

  /** Each image pulled (not references to build stages). */
  public void check(ImageUse image) { }

  /** Each environment variable set, from any source. */
  public void check(EnvVar env) { }

  /** Each stretch of text the user wrote (instruction arguments, heredoc bodies, values) for content scans. */
  public void check(SourceText text) { }

  /** A whole daemon.json. */
  public void check(DaemonConfig config) { }

  /** Each build argument a container's image is built with (compose {@code build.args}). */
  public void check(BuildArg arg) { }

  /** After the walk. */
  public void finish() { }
}
