package dev.hardock.rule;

import dev.hardock.rule.build.AddInsteadOfCopy;
import dev.hardock.rule.build.AddRemoteUrl;
import dev.hardock.rule.build.AptInstallRecommends;
import dev.hardock.rule.build.CmdShellForm;
import dev.hardock.rule.build.CopyFromUnknown;
import dev.hardock.rule.build.CurlPipeShell;
import dev.hardock.rule.build.DuplicateStageName;
import dev.hardock.rule.build.ExposeInvalidPort;
import dev.hardock.rule.build.ExposeSsh;
import dev.hardock.rule.build.HealthcheckMissing;
import dev.hardock.rule.build.MaintainerDeprecated;
import dev.hardock.rule.build.MultipleCmd;
import dev.hardock.rule.build.PackageVersionUnpinned;
import dev.hardock.rule.build.Sudo;
import dev.hardock.rule.build.TlsVerificationDisabled;
import dev.hardock.rule.build.UnsignedPackages;
import dev.hardock.rule.build.UpdateAlone;
import dev.hardock.rule.build.UserMissing;
import dev.hardock.rule.build.UserNotNumeric;
import dev.hardock.rule.build.UserRoot;
import dev.hardock.rule.build.WorkdirRelative;
import dev.hardock.rule.build.WorkdirSystemDir;
import dev.hardock.rule.custom.CustomRule;
import dev.hardock.rule.daemon.DaemonDebug;
import dev.hardock.rule.daemon.DaemonDefaultUlimitsMissing;
import dev.hardock.rule.daemon.DaemonIccEnabled;
import dev.hardock.rule.daemon.DaemonInsecureRegistry;
import dev.hardock.rule.daemon.DaemonIptablesOff;
import dev.hardock.rule.daemon.DaemonLiveRestoreOff;
import dev.hardock.rule.daemon.DaemonNoNewPrivilegesOff;
import dev.hardock.rule.daemon.DaemonTcpWithoutTls;
import dev.hardock.rule.daemon.DaemonUserlandProxyOn;
import dev.hardock.rule.daemon.DaemonUsernsRemapOff;
import dev.hardock.rule.image.ContentTrustDisabled;
import dev.hardock.rule.image.FloatingTag;
import dev.hardock.rule.image.LatestTag;
import dev.hardock.rule.image.UnpinnedDigest;
import dev.hardock.rule.image.UntrustedRegistry;
import dev.hardock.rule.meta.InvalidSuppression;
import dev.hardock.rule.meta.ParseError;
import dev.hardock.rule.meta.ReferenceNotRead;
import dev.hardock.rule.meta.UnknownComposeKey;
import dev.hardock.rule.meta.UnknownDaemonKey;
import dev.hardock.rule.meta.UnknownRunFlag;
import dev.hardock.rule.meta.UnusedSuppression;
import dev.hardock.rule.runtime.ApparmorUnconfined;
import dev.hardock.rule.runtime.CapabilitiesNotDropped;
import dev.hardock.rule.runtime.CpuLimitMissing;
import dev.hardock.rule.runtime.CustomCgroupParent;
import dev.hardock.rule.runtime.DangerousCapability;
import dev.hardock.rule.runtime.DockerSocketMount;
import dev.hardock.rule.runtime.HealthcheckDisabled;
import dev.hardock.rule.runtime.HostDevice;
import dev.hardock.rule.runtime.HostIpc;
import dev.hardock.rule.runtime.HostNetwork;
import dev.hardock.rule.runtime.HostPid;
import dev.hardock.rule.runtime.HostRootMount;
import dev.hardock.rule.runtime.HostUserns;
import dev.hardock.rule.runtime.HostUts;
import dev.hardock.rule.runtime.LegacyLink;
import dev.hardock.rule.runtime.MemoryLimitMissing;
import dev.hardock.rule.runtime.NoNewPrivilegesMissing;
import dev.hardock.rule.runtime.PidsLimitMissing;
import dev.hardock.rule.runtime.PortOnAllInterfaces;
import dev.hardock.rule.runtime.Privileged;
import dev.hardock.rule.runtime.PrivilegedHostPort;
import dev.hardock.rule.runtime.RunsAsRoot;
import dev.hardock.rule.runtime.SeccompUnconfined;
import dev.hardock.rule.runtime.SelinuxDisabled;
import dev.hardock.rule.runtime.SensitiveHostMount;
import dev.hardock.rule.runtime.SharedMountPropagation;
import dev.hardock.rule.runtime.SharedWritableVolume;
import dev.hardock.rule.runtime.UnboundedRestart;
import dev.hardock.rule.runtime.UnlimitedSwap;
import dev.hardock.rule.runtime.WritableBindMount;
import dev.hardock.rule.runtime.WritableRootFilesystem;
import dev.hardock.rule.secret.CredentialSetupInRun;
import dev.hardock.rule.secret.HardcodedCredential;
import dev.hardock.rule.secret.SecretFileCopied;
import dev.hardock.rule.secret.SecretInBuildArg;
import dev.hardock.rule.secret.SecretInEnv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every rule, registered here and nowhere else, sorted by id (a test keeps it so): adding a rule is one line,
 * its class.
 *
 * <p>Start-up is most of a pre-commit run, hence: class literals rather than {@code X::new} (each method
 * reference is an invokedynamic call site bootstrapped at first use), and each rule's identity from
 * {@link RuleCatalog}, which the build's annotation processor writes from the {@link RuleInfo} annotations
 * while compiling them (parsing 71 annotations through dynamic proxies took ~25 ms). The jar therefore cannot
 * hold a catalog that disagrees with its annotations; a class the catalog lacks (a compile without the
 * processor, as in some IDEs) has its annotation read instead.
 *
 * <p>An instance is the rule set of one configuration: the built-in rules ({@link #builtIn()}, shared) plus the
 * custom rules its {@code .hardock.yaml} declares ({@link #with}). The engine, the reports, {@code --list-rules}
 * and {@code --explain} ask an instance, so a custom rule is found wherever a built-in one is.
 */
public final class RuleRegistry {
  private static final List<Class<? extends Rule>> CLASSES =
      List.of(
          ParseError.class,
          UnknownRunFlag.class,
          InvalidSuppression.class,
          UnusedSuppression.class,
          ReferenceNotRead.class,
          UnknownComposeKey.class,
          UnknownDaemonKey.class,
          Privileged.class,
          HostRootMount.class,
          SensitiveHostMount.class,
          DockerSocketMount.class,
          WritableBindMount.class,
          HostNetwork.class,
          HostPid.class,
          HostIpc.class,
          HostUts.class,
          HostUserns.class,
          DangerousCapability.class,
          CapabilitiesNotDropped.class,
          SeccompUnconfined.class,
          ApparmorUnconfined.class,
          SelinuxDisabled.class,
          NoNewPrivilegesMissing.class,
          WritableRootFilesystem.class,
          HostDevice.class,
          RunsAsRoot.class,
          MemoryLimitMissing.class,
          CpuLimitMissing.class,
          PidsLimitMissing.class,
          UnlimitedSwap.class,
          UnboundedRestart.class,
          HealthcheckDisabled.class,
          PortOnAllInterfaces.class,
          PrivilegedHostPort.class,
          CustomCgroupParent.class,
          LegacyLink.class,
          SharedMountPropagation.class,
          SharedWritableVolume.class,
          LatestTag.class,
          UnpinnedDigest.class,
          UntrustedRegistry.class,
          FloatingTag.class,
          UserMissing.class,
          UserRoot.class,
          AddInsteadOfCopy.class,
          AddRemoteUrl.class,
          CurlPipeShell.class,
          Sudo.class,
          HealthcheckMissing.class,
          ExposeSsh.class,
          TlsVerificationDisabled.class,
          UnsignedPackages.class,
          AptInstallRecommends.class,
          UpdateAlone.class,
          WorkdirRelative.class,
          CmdShellForm.class,
          MultipleCmd.class,
          CopyFromUnknown.class,
          DuplicateStageName.class,
          SecretFileCopied.class,
          ContentTrustDisabled.class,
          MaintainerDeprecated.class,
          ExposeInvalidPort.class,
          WorkdirSystemDir.class,
          UserNotNumeric.class,
          PackageVersionUnpinned.class,
          SecretInEnv.class,
          SecretInBuildArg.class,
          HardcodedCredential.class,
          CredentialSetupInRun.class,
          DaemonIccEnabled.class,
          DaemonLiveRestoreOff.class,
          DaemonUsernsRemapOff.class,
          DaemonNoNewPrivilegesOff.class,
          DaemonTcpWithoutTls.class,
          DaemonDebug.class,
          DaemonInsecureRegistry.class,
          DaemonUserlandProxyOn.class,
          DaemonDefaultUlimitsMissing.class,
          DaemonIptablesOff.class);

  /** The catalog in id order. */
  public static final List<RuleType> ALL = types(RuleCatalog.CLASSES, RuleCatalog.metas());

  private static final RuleRegistry BUILT_IN = new RuleRegistry(List.of());

  /** The custom rules of the configuration ({@code custom-rules} in .hardock.yaml), in the order written. */
  private final List<CustomRule> custom;

  private volatile Map<String, RuleMeta> byKey;
  private volatile Map<String, RuleType> byId;
  private volatile List<RuleMeta> metas;

  private RuleRegistry(List<CustomRule> custom) {
    this.custom = List.copyOf(custom);
  }

  /**
   * The registered rules, each with its identity from {@code known} (the generated {@link RuleCatalog}: the
   * identities of the classes {@code names}), or from its annotation when the catalog does not name it.
   */
  static List<RuleType> types(String[] names, RuleMeta[] known) {
    Map<String, RuleMeta> byName = new HashMap<>();
    for (int i = 0; i < names.length && i < known.length; i++) byName.put(names[i], known[i]);
    List<RuleType> all = new ArrayList<>(CLASSES.size());
    for (Class<? extends Rule> c : CLASSES) all.add(new RuleType(c, byName.get(c.getName())));
    return List.copyOf(all);
  }

  /** The built-in rules alone: what a run without custom rules uses (created once, cheaply). */
  public static RuleRegistry builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in rules and {@code custom} ones after them (a configuration's {@code custom-rules}); the
   * caller has checked that no custom id or slug names a built-in rule or another custom rule.
   */
  public static RuleRegistry with(List<CustomRule> custom) {
    return custom.isEmpty() ? BUILT_IN : new RuleRegistry(custom);
  }

  /** The built-in rules' classes with their identities, in id order (the custom rules have no class). */
  public List<RuleType> types() {
    return ALL;
  }

  public List<CustomRule> custom() {
    return custom;
  }

  /** Every rule's identity: the built-in ones in id order, then the custom ones as configured. */
  public List<RuleMeta> metas() {
    if (metas == null) {
      List<RuleMeta> m = new ArrayList<>(ALL.size() + custom.size());
      for (RuleType t : ALL) m.add(t.meta());
      for (CustomRule c : custom) m.add(c.meta());
      metas = List.copyOf(m);
    }
    return metas;
  }

  /** The rule named by id ({@code HD201}, any case) or slug ({@code latest-tag}), or null. */
  public RuleMeta find(String idOrSlug) {
    if (byKey == null) {
      Map<String, RuleMeta> m = new HashMap<>();
      for (RuleMeta r : metas()) {
        m.put(r.id().toLowerCase(Locale.ROOT), r);
        m.put(r.slug(), r);
      }
      byKey = m;
    }
    return idOrSlug == null ? null : byKey.get(idOrSlug.trim().toLowerCase(Locale.ROOT));
  }

  /** The custom rule of that id, or null (a built-in rule, or none). */
  public CustomRule customRule(String id) {
    for (CustomRule c : custom) if (c.meta().id().equals(id)) return c;
    return null;
  }

  /**
   * The one-line advice of the rule's doc ({@code fix:} in its front matter), or null when it has none. Read
   * from the packaged doc on first use, so it is always the doc the jar was built with.
   */
  public String fix(RuleMeta rule) {
    CustomRule c = customRule(rule.id());
    if (c != null) return c.doc().fix();
    return builtInFix(rule);
  }

  /** The {@code fix:} line of a built-in rule's packaged doc, or null. */
  static String builtInFix(RuleMeta rule) {
    RuleDoc doc = RuleDoc.cached(rule);
    return doc == null ? null : doc.fix();
  }

  /**
   * The advice shown with a finding: its own {@link Finding#help}, else its rule doc's {@code fix:} line, or
   * null when there is neither.
   */
  public static String help(Finding f) {
    return f.help() != null ? f.help() : builtInFix(f.rule());
  }

  /** The identity of a registered rule class: a typed reference where a rule's id would be a string. */
  public static RuleMeta meta(Class<? extends Rule> type) {
    for (RuleType t : ALL) if (t.type() == type) return t.meta();
    throw new IllegalArgumentException(type.getName() + " is not registered");
  }

  public static RuleMeta parseError() {
    return meta(ParseError.class);
  }

  /**
   * The rules whose findings a reader produces and the engine reports (HD002, HD005, HD006): the engine names
   * them here, as it names no rule group.
   */
  public enum ReaderRule {
    UNKNOWN_RUN_FLAG(UnknownRunFlag.class),
    REFERENCE_NOT_READ(ReferenceNotRead.class),
    UNKNOWN_COMPOSE_KEY(UnknownComposeKey.class);

    private final Class<? extends Rule> type;

    ReaderRule(Class<? extends Rule> type) {
      this.type = type;
    }

    public RuleMeta meta() {
      return RuleRegistry.meta(type);
    }
  }

  /** The rule's documentation: the packaged doc of a built-in rule, the {@code doc} of a custom one; or null. */
  public RuleDoc doc(RuleMeta rule) {
    CustomRule c = customRule(rule.id());
    return c != null ? c.doc() : RuleDoc.cached(rule);
  }

  /**
   * The rule's group: the package of a built-in rule's class ({@code runtime}, {@code secret}, {@code meta}...),
   * {@code custom} for a custom rule.
   */
  public String group(RuleMeta rule) {
    if (customRule(rule.id()) != null) return "custom";
    for (RuleType t : ALL) {
      if (t.meta().id().equals(rule.id())) {
        String pkg = t.type().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
      }
    }
    return "custom";
  }
}
