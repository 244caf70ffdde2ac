package dev.hardock.model.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The limits Docker refuses: whole numbers beyond a signed 64-bit integer (Go's strconv.ParseInt). */
class UlimitTest {
  @Test
  void aWholeNumberBeyondA64BitIntegerIsOutOfRange() {
    for (String ok :
        new String[] {
          "9223372036854775807",
          "-9223372036854775808",
          "+5",
          " 1024 ",
          "-1",
          "0",
          "unlimited",
          "${NOFILE}",
          "",
          "-",
          "1_000",
          "0x10",
          "1e30",
          null
        }) assertNull(Ulimit.outOfRange("--ulimit nofile", ok), ok);
    assertEquals(
        "--ulimit nofile is out of range: 9223372036854775808 (Docker reads a limit as a 64-bit"
            + " integer)",
        Ulimit.outOfRange("--ulimit nofile", "9223372036854775808"));
    assertEquals(
        "ulimits.core.soft is out of range: -9223372036854775809 (Docker reads a limit as a 64-bit"
            + " integer)",
        Ulimit.outOfRange("ulimits.core.soft", "-9223372036854775809"));
    // a long one is shown cut
    assertEquals(
        "ulimits.nofile is out of range: "
            + "9".repeat(40)
            + "... (Docker reads a limit as a"
            + " 64-bit integer)",
        Ulimit.outOfRange("ulimits.nofile", "9".repeat(5_000)));
  }
}
