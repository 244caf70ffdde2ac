package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.PortMapping;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD126: A published port bound to every host interface. */
@RuleInfo(
    id = "HD126",
    slug = "port-on-all-interfaces",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class PortOnAllInterfaces extends Rule {
  /**
   * Unsafe: the port is then reachable from this host only, which is the point, and breaks whoever reached it
   * from elsewhere. A short-syntax port ({@code -p 8080:80}, {@code - "8080:80"}) gains {@code 127.0.0.1:}
   * inside its quotes; {@code 127.0.0.1::80} keeps a random host port.
   */
  private Fix fix(PortMapping p, String host) {
    Span s = p.span();
    String w = written(s);
    if (w == null || s.line() != s.endLine() || w.isEmpty()) return null;
    int at = w.charAt(0) == '"' || w.charAt(0) == '\'' ? 1 : 0;
    String first = host.isEmpty() ? p.containerPort() : host;
    if (first == null || !w.startsWith(first, at)) return null;
    String prefix = host.isEmpty() ? "127.0.0.1::" : "127.0.0.1:";
    return Fix.unsafe("Publish on 127.0.0.1 only", insert(s, s.line(), s.column() + at, prefix));
  }

  @Override
  public void check(ContainerSpec c) {
    for (PortMapping p : c.ports()) {
      if (p.allExposed() != null) {
        report(
            p.span(),
            p.allExposed() + " publishes every port the image exposes on all host interfaces",
            "publish the ports you need on an address instead, e.g. -p 127.0.0.1:8080:80");
        continue;
      }
      String ip = p.hostIp() == null ? null : p.hostIp().trim();
      if (ip != null
          && !ip.isEmpty()
          && !ip.equals("0.0.0.0")
          && !ip.equals("::")
          && !ip.equals("[::]")) continue;
      String container =
          p.containerPort()
              + (p.protocol() == null || p.protocol().equalsIgnoreCase("tcp")
                  ? ""
                  : "/" + p.protocol());
      String host = p.hostPorts() == null ? "" : p.hostPorts().trim();
      boolean noIp = ip == null || ip.isEmpty();
      String shownIp =
          noIp ? "" : (ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip) + ":";
      String written = shownIp + (host.isEmpty() && noIp ? "" : host + ":") + container;
      boolean range = p.containerPort() != null && p.containerPort().contains("-");
      String what =
          (range ? "ports " + written + " are" : "port " + written + " is")
              + " published on "
              + (!host.isEmpty() ? "" : range ? "random host ports on " : "a random host port on ")
              + "all host interfaces";
      report(
          p.span(),
          what,
          "bind "
              + (range ? "them" : "it")
              + " to an address, e.g. 127.0.0.1:"
              + host
              + ":"
              + container,
          noIp ? fix(p, host) : null);
    }
  }
}
