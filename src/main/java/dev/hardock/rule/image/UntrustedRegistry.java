package dev.hardock.rule.image;

import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HD203: an image from a registry (or registry path) that is not in the option {@code trusted-registries}.
 * Silent while the option is not set. Docker Hub is {@code docker.io} under any of its names, and an image
 * named without a registry comes from it ({@code nginx} is {@code docker.io/library/nginx}).
 */
@RuleInfo(
    id = "HD203",
    slug = "untrusted-registry",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class UntrustedRegistry extends Rule {
  public static final String OPTION = "trusted-registries";

  @Override
  public void check(ImageUse image) {
    List<String> trusted = new ArrayList<>();
    for (String t : optionList(OPTION)) {
      String s = t.strip();
      while (s.endsWith("/"))
        s = s.substring(0, s.length() - 1); // no "/+$": it retries from every slash
      String n = normalize(s);
      if (!n.isEmpty()) trusted.add(n);
    }
    if (trusted.isEmpty() || image.ref().isScratch()) return;
    String name = knownName(image.ref());
    if (name == null) return;
    boolean complete = image.ref().expanded() != null;
    for (String t : trusted) {
      if (name.equals(t) && complete || name.startsWith(t + "/")) return;
      // Only a known prefix: the rest could still land under this entry.
      if (!complete && (t + "/").startsWith(name)) return;
    }
    String registry = name.substring(0, name.indexOf('/'));
    report(
        image.span(),
        "image "
            + image.ref().raw()
            + " comes from "
            + registry
            + ", which is not among the trusted registries ("
            + String.join(", ", trusted)
            + ")");
  }

  /**
   * registry/repository in canonical form, or the literal prefix of it before the first variable when that
   * prefix already fixes the registry; null when the registry depends on a variable.
   */
  static String knownName(ImageRef ref) {
    String s = ref.expanded();
    if (s == null) {
      int dollar = ref.raw().indexOf('$');
      s = ref.raw().substring(0, dollar);
      if (s.indexOf('/') < 0) return null;
    } else {
      int at = s.indexOf('@');
      if (at >= 0) s = s.substring(0, at);
      int colon = s.lastIndexOf(':');
      if (colon > s.lastIndexOf('/')) s = s.substring(0, colon);
    }
    int slash = s.indexOf('/');
    String head = slash < 0 ? "" : s.substring(0, slash);
    boolean hasRegistry = head.contains(".") || head.contains(":") || head.equals("localhost");
    if (hasRegistry) return normalize(s);
    String repo = slash < 0 && ref.expanded() != null ? "library/" + s : s;
    return "docker.io/" + repo.toLowerCase(Locale.ROOT);
  }

  private static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String alias :
        List.of(
            "index.docker.io",
            "registry-1.docker.io",
            "hub.docker.com",
            "registry.hub.docker.com")) {
      if (n.equals(alias) || n.startsWith(alias + "/"))
        return "docker.io" + n.substring(alias.length());
    }
    return n;
  }
}
