package dev.hardock.rule.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.source.shell.ShellParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageManagerCommandTest {
  private static EffectiveCommand effective(String line) {
    ShellCommand c = ShellParser.parse(line).commands().get(0);
    return EffectiveCommand.of(c);
  }

  private static PackageManagerCommand pm(String line) {
    return PackageManagerCommand.of(effective(line));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sudo -E -u root apt-get install x | apt-get | 1",
        "env -i DEBIAN_FRONTEND=noninteractive apt-get install x | apt-get | 1",
        "time nice -n 10 make | make | 2",
        "/usr/bin/sudo --user=app -- /usr/bin/pip install x | pip | 1",
        "gosu app node server.js | node | 1",
        "xargs -n 1 -I {} sudo rm {} | rm | 2",
        "timeout -s KILL 30 curl x | curl | 1"
      })
  void seesThroughWrappers(String line, String name, int wrappers) {
    EffectiveCommand e = effective(line);
    assertEquals(name, e.nameValue());
    assertEquals(wrappers, e.wrappers().size());
  }

  @Test
  void commandLookupRunsNothing() {
    assertNull(effective("command -v sudo").name());
    assertEquals(
        "DEBIAN_FRONTEND=noninteractive",
        effective("env DEBIAN_FRONTEND=noninteractive apt-get update")
            .assignments()
            .get(0)
            .value());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "apt-get -y install x | install",
        "apt-get -qq -y --no-install-recommends install x | install",
        "apt-get -o Dpkg::Options::=--force-confold -y install x | install",
        "apt-get -oAPT::Install-Recommends=0 install x | install",
        "apt-get -t bookworm-backports install x | install",
        "apk --no-cache -X https://repo add x | add",
        "dnf --setopt=install_weak_deps=False -y install x | install",
        "zypper --non-interactive --root /mnt in x | in"
      })
  void findsTheSubcommandWhereverTheOptionsAre(String line, String action) {
    PackageManagerCommand p = pm(line);
    assertNotNull(p);
    assertEquals(action, p.action());
    assertTrue(p.installs());
    assertFalse(p.updatesIndex());
  }

  @Test
  void readsOptionValuesAttachedOrApart() {
    assertEquals(
        "APT::Install-Recommends=0",
        pm("apt-get -oAPT::Install-Recommends=0 install x").option("-o").value());
    assertEquals(
        "APT::Get::AllowUnauthenticated=1",
        pm("apt-get -y -o APT::Get::AllowUnauthenticated=1 install x").option("-o").value());
    assertEquals("gpgcheck=0", pm("yum --setopt=gpgcheck=0 install x").option("--setopt").value());
    assertNotNull(pm("apt-get -qqy install x").option("-y"));
    assertTrue(pm("dnf makecache").updatesIndex());
    assertTrue(pm("dnf module install nodejs:20").installs());
    assertFalse(pm("yum update -y").updatesIndex());
    assertNull(pm("apt-cache policy x"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sh | true",
        "bash -s -- --yes | true",
        "bash - | true",
        "python3 | true",
        "python3 - | true",
        "perl -w | true",
        "bash -o pipefail | true",
        "sh -c 'cat > f' | false",
        "python3 parse.py | false",
        "node -e 'x' | false",
        "bash /tmp/x.sh | false",
        "bash /dev/stdin | true"
      })
  void knowsWhenAnInterpreterReadsItsProgramFromStdin(String line, boolean stdin) {
    ScriptInterpreter s = ScriptInterpreter.of(effective(line));
    assertNotNull(s);
    assertEquals(stdin, s.stdin());
  }
}
