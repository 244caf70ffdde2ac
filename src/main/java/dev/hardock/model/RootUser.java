package dev.hardock.model;

import java.util.Locale;

/** Whether a {@code user[:group]} value names the root user. */
public final class RootUser {
  private RootUser() {}

  public static boolean isRoot(String userSpec) {
    String s = userSpec.trim();
    int colon = s.indexOf(':');
    String user = colon < 0 ? s : s.substring(0, colon);
    user = user.toLowerCase(Locale.ROOT);
    return user.equals("root") || user.matches("0+");
  }
}
