package dev.hardock.model;

/** The kinds of input hardock reads. */
public enum SourceKind {
  DOCKERFILE("dockerfile"),
  COMPOSE("compose"),
  RUN("run"),
  DAEMON("daemon"),
  /** A dev container configuration ({@code devcontainer.json}, JSON with comments). */
  DEVCONTAINER("devcontainer"),
  /** A Podman Quadlet unit ({@code *.container}). */
  QUADLET("quadlet"),
  /** A systemd unit ({@code *.service}) whose ExecStart lines run containers. */
  SYSTEMD("systemd"),
  /** An Ansible playbook or task file whose tasks start containers (docker_container, podman_container). */
  ANSIBLE("ansible");

  private final String id;

  SourceKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * The kind whose rules judge this one: dev containers, Quadlet and systemd units and Ansible tasks define containers with the
   * settings of {@code docker run} (and run flags), so the rules of run lines apply to them.
   */
  public SourceKind judgedAs() {
    return switch (this) {
      case DEVCONTAINER, QUADLET, SYSTEMD, ANSIBLE -> RUN;
      default -> this;
    };
  }

  public static SourceKind byId(String id) {
    for (SourceKind k : values()) if (k.id.equals(id)) return k;
    return null;
  }
}
