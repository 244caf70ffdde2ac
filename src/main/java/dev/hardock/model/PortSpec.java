package dev.hardock.model;

import java.util.Locale;

/**
 * A container port or port range with its protocol, as EXPOSE and the container side of a published port
 * write it: {@code 80}, {@code 80/udp}, {@code 8000-8010/tcp}. The protocol defaults to tcp.
 */
public record PortSpec(int first, int last, String protocol) {
  /** Either a port spec or, when the text is not one, what is wrong with it. */
  public record Parsed(PortSpec spec, String problem) {}

  /** Reads a port spec (variables already expanded); never throws. */
  public static Parsed parse(String text) {
    String ports = text;
    String protocol = "tcp";
    int slash = text.indexOf('/');
    if (slash >= 0) {
      ports = text.substring(0, slash);
      String p = text.substring(slash + 1);
      protocol = p.toLowerCase(Locale.ROOT);
      if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
        return problem("unknown protocol '" + p + "' (expected tcp, udp or sctp)");
      }
    }
    if (ports.indexOf(':') >= 0) {
      return problem(
          "a host address or port mapping does not belong here, only the container port");
    }
    int dash = ports.indexOf('-', 1);
    String a = dash < 0 ? ports : ports.substring(0, dash);
    String b = dash < 0 ? ports : ports.substring(dash + 1);
    long first = number(a);
    long last = number(b);
    if (first < 0 || last < 0) return problem("not a port number or range");
    if (first > 65535 || last > 65535) return problem("port out of range 0-65535");
    if (first > last) return problem("the range ends before it starts");
    return new Parsed(new PortSpec((int) first, (int) last, protocol), null);
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  public boolean isRange() {
    return first != last;
  }

  private static Parsed problem(String why) {
    return new Parsed(null, why);
  }

  /** The decimal value, capped above the port range, or -1 when it is not a plain number. */
  private static long number(String s) {
    if (s.isEmpty() || s.length() > 18)
      return s.isEmpty() ? -1 : s.chars().allMatch(Character::isDigit) ? 99999 : -1;
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
