package dev.hardock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one list of shells: its subsets and the program a #! line runs. */
class ShellsTest {
  @Test
  void subsetsNestAsTheirUsersNeed() {
    assertTrue(Shells.POSIX_RUNNERS.containsAll(Shells.POSIX));
    assertTrue(Shells.INTERPRETERS.containsAll(Shells.POSIX));
    assertTrue(Shells.POSIX_RUNNERS.contains("busybox"));
    assertFalse(Shells.POSIX.contains("busybox"));
    assertFalse(Shells.POSIX.contains("fish"));
    assertTrue(Shells.INTERPRETERS.contains("fish"));
    assertTrue(Shells.isPosix("/usr/bin/mksh"));
    assertFalse(Shells.isPosix("/usr/bin/python3"));
  }

  @Test
  void shebangProgramLooksThroughEnv() {
    assertEquals("bash", Shells.shebangProgram("#!/bin/bash\necho hi"));
    assertEquals("sh", Shells.shebangProgram("#! /bin/sh -eu\r\n"));
    assertEquals("bash", Shells.shebangProgram("#!/usr/bin/env -S bash -e\n"));
    assertEquals("sh", Shells.shebangProgram("#!/usr/bin/env A=1 sh"));
    assertEquals("env", Shells.shebangProgram("#!/usr/bin/env -i\n"));
    assertEquals("busybox", Shells.shebangProgram("#!/bin/busybox sh\n"));
    assertEquals("", Shells.shebangProgram("#!\n"));
    assertNull(Shells.shebangProgram("echo hi\n"));
  }
}
