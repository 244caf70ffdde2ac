package dev.hardock.model;

/** The kinds of input hardock reads. */
public enum SourceKind {
  DOCKERFILE("dockerfile"),
  COMPOSE("compose"),
  RUN("run"),
  DAEMON("daemon");

  private final String id;

  SourceKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static SourceKind byId(String id) {
    for (SourceKind k : values()) if (k.id.equals(id)) return k;
    return null;
  }
}
