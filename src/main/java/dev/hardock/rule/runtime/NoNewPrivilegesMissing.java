package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Fix;
import dev.hardock.rule.MissingSetting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD116: A container whose processes may gain privileges through setuid binaries. */
@RuleInfo(
    id = "HD116",
    slug = "no-new-privileges-missing",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class NoNewPrivilegesMissing extends Rule implements MissingSetting {
  @Override
  public void check(ContainerSpec c) {
    if (c.hiddenOptions() != null) return; // the setting may be among options the reader cannot see
    for (Setting<String> s : c.securityOpts()) {
      SecurityOption o = SecurityOption.parse(s.value());
      if (!o.key().equals("no-new-privileges")) continue;
      if (o.value() == null || o.value().equalsIgnoreCase("true")) return;
      // a variable the reader could not resolve (not in .env or --env-file): set, to a value not
      // known here
      if (o.value().indexOf('$') >= 0) return;
      var on = replaceValue(s.span(), s.value(), s.value().replace(o.value(), "true"));
      report(
          s.span(),
          "no-new-privileges is switched off: setuid binaries can raise privileges in the container",
          on == null || !o.value().equalsIgnoreCase("false")
              ? null
              : Fix.unsafe("Set no-new-privileges to true", on));
      return;
    }
    report(
        c.span(),
        "no-new-privileges is not set",
        "add --security-opt no-new-privileges (security_opt: [no-new-privileges:true])",
        c.securityOpts().isEmpty() ? fix(c) : null);
  }

  /**
   * Unsafe: setuid programs (sudo, su, some ping) stop raising privileges. A run line gains
   * {@code --security-opt no-new-privileges} after its {@code run}/{@code create}; a block-style compose service
   * a {@code security_opt} list as its first key, at the indentation of the key that is first today.
   */
  private Fix fix(ContainerSpec c) {
    String title = "Add no-new-privileges";
    Span s = c.span();
    String w = written(s);
    if (w == null) return null;
    if (c.source() == SourceKind.RUN) {
      if (!(w.endsWith("run") || w.endsWith("create")) || s.line() != s.endLine()) return null;
      return Fix.unsafe(
          title, insert(s, s.endLine(), s.endColumn(), " --security-opt no-new-privileges"));
    }
    String key = line(s, s.line());
    String next = line(s, s.line() + 1);
    if (key == null || next == null || !key.substring(s.endColumn() - 1).strip().equals(":"))
      return null;
    int keyIndent = key.length() - key.stripLeading().length();
    String lead = next.substring(0, next.length() - next.stripLeading().length());
    if (next.isBlank()
        || lead.length() <= keyIndent
        || lead.contains("\t")
        || next.stripLeading().startsWith("#")
        || next.stripLeading().startsWith("- ")) {
      return null;
    }
    String step = lead.substring(keyIndent);
    // a security_opt key with nothing in it (security_opt: [], security_opt: ~) is there already: a
    // second
    // one would be a duplicate key, which Compose refuses
    for (int n = s.line() + 1; ; n++) {
      String l = line(s, n);
      if (l == null) break;
      String t = l.stripLeading();
      if (t.isEmpty() || t.startsWith("#")) continue;
      if (l.length() - t.length() <= keyIndent) break;
      if (t.startsWith("security_opt")
          || t.startsWith("\"security_opt\"")
          || t.startsWith("'security_opt'")) return null;
    }
    return Fix.unsafe(
        title,
        insert(
            s,
            s.line() + 1,
            1,
            lead + "security_opt:\n" + lead + step + "- no-new-privileges:true\n"));
  }
}
