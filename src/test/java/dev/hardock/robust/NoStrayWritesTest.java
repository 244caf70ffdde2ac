package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No stray writes: the CLI, run as a subprocess with HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and the temp dir
 * pointed at fresh empty folders and the linted tree made read-only, leaves every one of them exactly as it
 * was (same files, sizes and modification times). Stdout is the only output.
 */
class NoStrayWritesTest {
  @TempDir Path tmp;

  @Test
  void lintingChangesNothingOnDisk() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path xdg = Files.createDirectories(tmp.resolve("xdg-config"));
    Path cache = Files.createDirectories(tmp.resolve("xdg-cache"));
    Path temp = Files.createDirectories(tmp.resolve("tmp"));
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(
        tree.resolve("Dockerfile"), "FROM node\nRUN curl http://x | sh\nCOPY .env /app/\n");
    Files.createDirectories(tree.resolve("svc"));
    Files.writeString(
        tree.resolve("svc/compose.yaml"),
        "services:\n  web:\n    image: nginx:latest\n    privileged: true\n    build: .\n");
    Files.writeString(tree.resolve("svc/Dockerfile"), "FROM alpine:3.20\n");
    Files.writeString(tree.resolve("svc/.env"), "TAG=1\n");
    Files.writeString(
        tree.resolve("run.sh"), "#!/bin/sh\ndocker run -v /var/run/docker.sock:/s nginx\n");
    Files.writeString(tree.resolve("README.md"), "```sh\ndocker run --privileged x\n```\n");
    Files.writeString(tree.resolve("daemon.json"), "{\"icc\": true}\n");
    Files.writeString(tree.resolve(".hardock.yaml"), "rules:\n  HD301: off\n");
    Files.writeString(tree.resolve(".gitignore"), "ignored/\n");
    Files.createDirectories(tree.resolve(".git"));
    readOnly(tree);
    List<Path> roots = List.of(home, xdg, cache, temp, tree);
    Map<String, String> before = snapshot(roots);
    try {
      for (List<String> args :
          List.of(
              List.of("."),
              List.of("-f", "sarif", "."),
              List.of("-f", "text", "--baseline", "none.json", "."))) {
        List<String> cmd =
            new ArrayList<>(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m",
                    "-Djava.io.tmpdir=" + temp,
                    "-Duser.home=" + home,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.hardock.cli.Main"));
        cmd.addAll(args);
        ProcessBuilder pb =
            new ProcessBuilder(cmd)
                .directory(tree.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", xdg.toString());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("TMPDIR", temp.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "hardock did not finish");
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
        if (args.contains("--baseline")) {
          // a baseline that does not exist: a clear error, and it is not created behind the user's
          // back
          assertEquals(2, p.exitValue(), err);
          assertEquals("hardock: none.json: no such file\n", err);
        } else {
          assertEquals(1, p.exitValue(), "exit " + p.exitValue() + " for " + args + ": " + err);
          assertEquals("", err, "stderr for " + args);
        }
      }
      assertEquals(before, snapshot(roots));
    } finally {
      writable(tree);
    }
  }

  static void readOnly(Path tree) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(tree)) {
      all = s.toList();
    }
    for (Path p : all) {
      Set<PosixFilePermission> perms =
          Files.isDirectory(p)
              ? EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE)
              : EnumSet.of(PosixFilePermission.OWNER_READ);
      Files.setPosixFilePermissions(p, perms);
    }
  }

  static void writable(Path tree) throws IOException {
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path p : s.toList()) {
        Files.setPosixFilePermissions(
            p,
            EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
      }
    }
  }

  /** Every path below the roots with its size and modification time. */
  static Map<String, String> snapshot(List<Path> roots) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Path r : roots) {
      try (Stream<Path> s = Files.walk(r)) {
        for (Path p : s.toList()) {
          out.put(p.toString(), Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
        }
      }
    }
    return out;
  }
}
