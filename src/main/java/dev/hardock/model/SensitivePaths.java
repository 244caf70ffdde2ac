package dev.hardock.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Host paths that must not be bind-mounted into a container: the root, system directories whose contents
 * let a container take over the host, and the sockets of container engines. Paths are compared after
 * normalisation ({@code /etc/}, {@code //etc}, {@code /usr/../etc} are all {@code /etc}).
 */
public final class SensitivePaths {
  private static final List<String> SYSTEM =
      List.of(
          "/etc",
          "/proc",
          "/sys",
          "/dev",
          "/boot",
          "/usr",
          "/lib",
          "/lib64",
          "/lib32",
          "/bin",
          "/sbin",
          "/root",
          "/var/lib/docker",
          "/var/lib/containerd",
          "/run",
          "/var/run",
          "/var/log",
          "/var/lib/kubelet",
          "/var/lib/etcd");

  /**
   * Directories sensitive as a whole but whose subdirectories are everyday data: {@code /home} holds every
   * user's keys, yet {@code /home/me/project} is a project; {@code /srv/site} is a site, {@code /var/lib/mysql}
   * a database. Flagged only when mounted whole.
   */
  private static final List<String> WHOLE =
      List.of("/home", "/srv", "/var", "/var/lib", "/mnt", "/media");

  /** Credential folders in a home directory ({@code /home/NAME/.ssh} and below). */
  private static final List<String> HOME_SECRETS =
      List.of(".ssh", ".gnupg", ".aws", ".azure", ".kube", ".docker", ".config/gcloud");

  private static final List<String> SOCKETS =
      List.of(
          "docker.sock",
          "containerd.sock",
          "podman.sock",
          "dockershim.sock",
          "cri-dockerd.sock",
          "crio.sock",
          "buildkitd.sock");

  /** Directories holding engine sockets: mounting them hands over the socket too. */
  private static final List<String> SOCKET_DIRS =
      List.of(
          "/var/run",
          "/run",
          "/var/run/docker",
          "/run/docker",
          "/run/containerd",
          "/var/run/containerd",
          "/run/podman",
          "/var/run/podman",
          "/run/buildkit",
          "/run/crio");

  /**
   * Host time-zone data: public, and mounted read-only by a great many compose files so that a container keeps
   * the host's clock zone. Exempt only when read-only (a writable {@code /etc/localtime} changes the host).
   */
  private static final List<String> TIME_ZONE =
      List.of("/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo");

  private SensitivePaths() {}

  /** {@code /etc/localtime}, {@code /etc/timezone} or {@code /usr/share/zoneinfo} (and below). */
  public static boolean isTimeZoneData(String path) {
    String n = normalize(path);
    if (n == null) return false;
    for (String s : TIME_ZONE) if (n.equals(s) || n.startsWith(s + "/")) return true;
    return false;
  }

  /**
   * The absolute path with {@code //}, {@code .}, {@code ..} and a trailing slash resolved; null for a path that
   * is not absolute (a named volume, {@code ./data}, {@code $(pwd)/x}).
   */
  public static String normalize(String path) {
    if (path == null) return null;
    String p = path.trim().replace('\\', '/');
    if (!p.startsWith("/")) return null;
    Deque<String> parts = new ArrayDeque<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..")) {
        if (!parts.isEmpty()) parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return "/" + String.join("/", parts);
  }

  public static boolean isRoot(String path) {
    return "/".equals(normalize(path));
  }

  /** An engine socket ({@code /var/run/docker.sock}, a podman socket anywhere) or a directory holding one. */
  public static boolean isEngineSocket(String path) {
    String n = normalize(path);
    if (n == null) return false;
    String name = n.substring(n.lastIndexOf('/') + 1);
    return SOCKETS.contains(name) || SOCKET_DIRS.contains(n);
  }

  /** A system directory (or something below it); the root and engine sockets have rules of their own. */
  public static boolean isSensitive(String path) {
    String n = normalize(path);
    if (n == null || n.equals("/") || isEngineSocket(n)) return false;
    for (String s : SYSTEM) if (n.equals(s) || n.startsWith(s + "/")) return true;
    if (WHOLE.contains(n)) return true;
    if (n.startsWith("/home/")) {
      int slash = n.indexOf('/', "/home/".length());
      String below = slash < 0 ? "" : n.substring(slash + 1);
      for (String c : HOME_SECRETS) if (below.equals(c) || below.startsWith(c + "/")) return true;
    }
    return false;
  }
}
