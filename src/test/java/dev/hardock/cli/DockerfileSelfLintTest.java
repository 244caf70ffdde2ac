package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardock.cli.MainTest.Run;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.source.dockerfile.DockerfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Dockerfile of hardock itself: hardock finds nothing in it, and it is built the way we preach. */
class DockerfileSelfLintTest {
  static final Path DOCKERFILE = Path.of("Dockerfile");

  @Test
  void hardockLintsItsOwnDockerfileClean() throws IOException {
    Run r = MainTest.run("--format", "json", "--fail-on", "style", DOCKERFILE.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(0, json.get("findings").size(), r.out());
    assertEquals(1, json.get("summary").get("files").asInt(), r.out());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void itIsMultiStagePinnedNonRootWithExecEntrypoint() throws IOException {
    DockerfileReader.Result read =
        DockerfileReader.read(
            SourceFile.of(
                DOCKERFILE, "Dockerfile", Files.readString(DOCKERFILE), SourceKind.DOCKERFILE));
    assertTrue(read.problems().isEmpty(), read.problems().toString());
    ImageBuild build = read.build();
    assertTrue(build.stages().size() >= 2, "multi-stage");
    for (Stage s : build.stages()) {
      if (s.from().ref() == null) continue;
      assertNotNull(s.from().ref().tag(), "untagged base " + s.from().image());
      assertFalse(s.from().ref().isLatest(), "latest base " + s.from().image());
      assertTrue(
          s.from().ref().tag().matches(".*\\d+\\.\\d+.*"),
          "tag without a version: " + s.from().image());
    }
    Stage last = build.finalStage();
    Instruction.User user = last.last(Instruction.User.class);
    assertNotNull(user, "final stage sets no USER");
    assertFalse(
        user.user().value().matches("(root|0)(:.*)?"), "runs as root: " + user.user().value());
    assertNotNull(last.last(Instruction.Healthcheck.class), "HEALTHCHECK decided explicitly");
    Instruction.Entrypoint entry = last.last(Instruction.Entrypoint.class);
    assertNotNull(entry, "no ENTRYPOINT");
    assertTrue(entry.command().exec(), "ENTRYPOINT is not in exec form");
  }
}
