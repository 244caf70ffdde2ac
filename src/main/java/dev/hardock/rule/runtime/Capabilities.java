package dev.hardock.rule.runtime;

import java.util.Locale;
import java.util.Set;

/** Linux capability names as written in {@code --cap-add}/{@code cap_add}: any case, with or without CAP_. */
public final class Capabilities {
  private static final Set<String> DANGEROUS =
      Set.of(
          "ALL",
          "SYS_ADMIN",
          "SYS_MODULE",
          "SYS_PTRACE",
          "SYS_RAWIO",
          "SYS_BOOT",
          "SYS_TIME",
          "DAC_READ_SEARCH",
          "NET_ADMIN",
          "MAC_ADMIN",
          "MAC_OVERRIDE",
          "BPF",
          "PERFMON",
          "LINUX_IMMUTABLE");

  private Capabilities() {}

  /** {@code cap_sys_admin} and {@code SYS_ADMIN} both give {@code SYS_ADMIN}. */
  public static String canonical(String cap) {
    String c = cap.trim().toUpperCase(Locale.ROOT);
    return c.startsWith("CAP_") ? c.substring(4) : c;
  }

  public static boolean isDangerous(String cap) {
    return DANGEROUS.contains(canonical(cap));
  }

  public static boolean isAll(String cap) {
    return canonical(cap).equals("ALL");
  }
}
