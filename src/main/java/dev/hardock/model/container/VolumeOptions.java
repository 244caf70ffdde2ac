package dev.hardock.model.container;

/**
 * What a named volume's driver options bind of the host, for compose {@code driver_opts}, {@code docker volume
 * create --opt} and {@code --mount volume-opt=}: the local driver mounts its {@code device} when {@code o}
 * holds {@code bind} or {@code rbind} (read-only with {@code ro}); another driver's {@code mountpoint}
 * (local-persist and the like) is the host folder it keeps the volume in.
 */
public final class VolumeOptions {
  /** Which option names the host path. */
  public enum HostPath {
    DEVICE,
    MOUNTPOINT
  }

  /**
   * @param roStart where {@code ro} starts in {@code o}, or -1 (it ends two characters later)
   */
  public record Binding(HostPath hostPath, int roStart) {}

  private VolumeOptions() {}

  /**
   * @param driver the volume driver, null for the default (local)
   * @param o the {@code o} option, or null
   * @return the binding, or null when the options bind no host path
   */
  public static Binding of(String driver, boolean hasDevice, boolean hasMountpoint, String o) {
    boolean local = driver == null || driver.trim().equals("local");
    if (!local) return hasMountpoint ? new Binding(HostPath.MOUNTPOINT, -1) : null;
    if (!hasDevice || o == null) return null;
    boolean bind = false;
    int ro = -1;
    int at = 0;
    for (String opt : o.split(",", -1)) {
      String t = opt.trim();
      if (t.equals("bind") || t.equals("rbind")) bind = true;
      if (t.equals("ro")) ro = at + opt.indexOf("ro");
      at += opt.length() + 1;
    }
    return bind ? new Binding(HostPath.DEVICE, ro) : null;
  }
}
