package dev.hardock.engine;

/** The version written in the jar's manifest. */
public final class Version {
  private Version() {}

  public static String get() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
