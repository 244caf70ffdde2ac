package dev.hardock.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceLayout;
import dev.hardock.source.daemon.DaemonReader;
import dev.hardock.source.dockerfile.DockerfileReader;
import dev.hardock.source.run.RunLineReader;
import dev.hardock.source.yaml.YamlLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each reader records of a file besides its values: the extents of its statements (exact spans) and its
 * comments (span and reach), the input suppression and an editor's "add a comment above" act on.
 */
class SourceLayoutTest {
  private static SourceFile file(String name, String text, SourceKind kind) {
    return SourceFile.of(Path.of(name), name, text, kind);
  }

  private static List<String> statements(SourceLayout l) {
    return l.statements().stream().map(s -> s.file() + "@" + s.span()).toList();
  }

  private static List<String> comments(SourceLayout l) {
    return l.comments().stream()
        .map(c -> c.file() + "@" + c.span() + " " + c.reach() + " " + c.text())
        .toList();
  }

  @Test
  void dockerfileInstructionCoversItsContinuedLinesSkippedCommentsAndHeredocs() {
    String df =
        "FROM alpine:3.20\n"
            + "RUN apk add \\\n" // 2
            + "    # dropped by BuildKit\n" // 3
            + "\n" // 4
            + "    curl  # after code\n" // 5
            + "RUN <<EOF bash\n" // 6
            + "# in the body\n" // 7
            + "echo hi\n"
            + "EOF\n" // 9
            + "USER app\n";
    SourceLayout l = DockerfileReader.read(file("Dockerfile", df, SourceKind.DOCKERFILE)).layout();
    assertEquals(
        List.of(
            "Dockerfile@1:1-1:17",
            "Dockerfile@2:1-5:23",
            "Dockerfile@6:1-9:4",
            "Dockerfile@10:1-10:9"),
        statements(l));
    assertEquals(
        List.of(
            "Dockerfile@3:5-3:26 NEXT_LINE # dropped by BuildKit",
            "Dockerfile@5:11-5:23 LINE # after code",
            "Dockerfile@7:1-7:14 NEXT_LINE # in the body"),
        comments(l));
  }

  @Test
  void dockerfileEscapeDirectiveChangesTheContinuation() {
    String df = "# escape=`\nFROM node\nRUN echo a `\n  && echo b\nUSER root\n";
    SourceLayout l = DockerfileReader.read(file("Dockerfile", df, SourceKind.DOCKERFILE)).layout();
    assertEquals(
        List.of("Dockerfile@2:1-2:10", "Dockerfile@3:1-4:12", "Dockerfile@5:1-5:10"),
        statements(l));
    assertEquals(List.of("Dockerfile@1:1-1:11 NEXT_LINE # escape=`"), comments(l));
  }

  @Test
  void yamlEntriesEndAtTheirLastCharacterInFlowAndBlockStyle() {
    String yaml =
        "services:\n" // 1
            + "  web:\n" // 2
            + "    environment: [A=1,\n" // 3
            + "      B=2]   # flow, over two lines\n"
            + "    command: |\n" // 5
            + "      run \\\n"
            + "        --flag\n" // 7
            + "\n"
            + "    # above image\n" // 9
            + "    image: 'nginx'\n" // 10
            + "    ports:\n"
            + "      - \"80:80\"\n"; // 12
    SourceLayout l = new SourceLayout();
    YamlLayout.read(yaml, new LineIndex(yaml), "compose.yaml", l);
    assertEquals(
        List.of(
            "compose.yaml@3:19-3:22",
            "compose.yaml@4:7-4:10",
            "compose.yaml@3:5-4:11",
            "compose.yaml@5:5-7:15",
            "compose.yaml@10:5-10:19",
            "compose.yaml@12:9-12:16",
            "compose.yaml@11:5-12:16",
            "compose.yaml@2:3-12:16",
            "compose.yaml@1:1-12:16"),
        statements(l));
    assertEquals(
        List.of(
            "compose.yaml@4:14-4:36 LINE # flow, over two lines",
            "compose.yaml@9:5-9:18 NEXT_LINE # above image"),
        comments(l));
  }

  @Test
  void shellCommandLinesSpanContinuationsAndQuotesAndMarkdownBlocksSpanTheirFences() {
    String sh =
        "#!/bin/sh\n"
            + "docker run \\\n"
            + "  -e A='x\n"
            + "y' nginx # trailing\n"
            + "  # alone\n"
            + "echo done\n";
    SourceLayout l = RunLineReader.read(file("run.sh", sh, SourceKind.RUN)).layout();
    assertEquals(List.of("run.sh@2:1-4:9", "run.sh@6:1-6:10"), statements(l));
    assertEquals(
        List.of(
            "run.sh@1:1-1:10 NEXT_LINE #!/bin/sh",
            "run.sh@4:10-4:20 LINE # trailing",
            "run.sh@5:3-5:10 NEXT_LINE # alone"),
        comments(l));

    String md =
        "Intro\n"
            + "<!-- hardock-ignore HD201: demo -->\n"
            + "```sh\n"
            + "docker run nginx\n"
            + "```\n";
    SourceLayout m = RunLineReader.read(file("README.md", md, SourceKind.RUN)).layout();
    assertEquals(
        List.of(
            "README.md@3:1-5:1",
            "README.md@1:1-1:6",
            "README.md@2:1-2:36",
            "README.md@3:1-3:6",
            "README.md@5:1-5:4",
            "README.md@4:1-4:17"),
        statements(m));
    assertEquals(
        List.of("README.md@2:1-2:36 NEXT_STATEMENT <!-- hardock-ignore HD201: demo -->"),
        comments(m));
  }

  @Test
  void makefileCommentsOutsideRecipesAreMakesAndInsideThemTheShells() {
    String mk =
        "# top\nIMG = nginx # value\nrun:\n\t@docker run $(IMG) # recipe\n\n\techo done\nX := a:b\nall: run\n";
    SourceLayout l = RunLineReader.read(file("Makefile", mk, SourceKind.RUN)).layout();
    // the rules, each with its recipe (blank lines between), then the recipe's shell command lines
    assertEquals(
        List.of("Makefile@3:1-6:11", "Makefile@8:1-8:9", "Makefile@4:3-4:20", "Makefile@6:2-6:11"),
        statements(l));
    assertEquals(
        List.of(
            "Makefile@1:1-1:6 NEXT_LINE # top",
            "Makefile@2:13-2:20 LINE # value",
            "Makefile@4:21-4:29 LINE # recipe"),
        comments(l));
  }

  @Test
  void daemonJsonMembersAreStatementsAndJsonHasNoComments() {
    String json = "{\n  \"debug\": true,\n  \"hosts\": [\n    \"tcp://0.0.0.0:2375\"\n  ]\n}\n";
    SourceLayout l = DaemonReader.read(file("daemon.json", json, SourceKind.DAEMON)).layout();
    assertEquals(List.of("daemon.json@2:3-2:16", "daemon.json@3:3-5:4"), statements(l));
    assertEquals(List.of(), comments(l));
  }

  @Test
  void devContainerRecordsSlashCommentsAndEachMember() {
    String json =
        "{\n" // 1
            + "  // above image\n" // 2
            + "  \"image\": \"alpine:3.20\", /* after */\n" // 3
            + "  \"runArgs\": [\n" // 4
            + "    \"--init\"\n"
            + "  ]\n" // 6
            + "}\n";
    SourceLayout l =
        dev.hardock.source.run.DevContainerReader.layout(
            file(".devcontainer.json", json, SourceKind.DEVCONTAINER));
    assertEquals(
        List.of(".devcontainer.json@3:3-3:25", ".devcontainer.json@4:3-6:4"), statements(l));
    assertEquals(
        List.of(
            ".devcontainer.json@2:3-2:17 NEXT_LINE // above image",
            ".devcontainer.json@3:27-3:38 LINE /* after */"),
        comments(l));
  }

  @Test
  void devContainerCommentsOnOneLineEachKnowWhetherTheyAreAlone() {
    // a comment alone on its line after blanks reaches the next line; one after another comment
    // only its own
    String json = "{\n \t /*a*/  /*b*//*c*/\n\"image\": \"alpine\"}\n";
    SourceLayout l =
        dev.hardock.source.run.DevContainerReader.layout(
            file(".devcontainer.json", json, SourceKind.DEVCONTAINER));
    assertEquals(
        List.of(
            ".devcontainer.json@2:4-2:9 NEXT_LINE /*a*/",
            ".devcontainer.json@2:11-2:16 LINE /*b*/",
            ".devcontainer.json@2:16-2:21 LINE /*c*/"),
        comments(l));
  }

  @Test
  void unitKeyLineCoversItsContinuationsAndBothCommentMarkers() {
    String unit =
        "[Container]\n" // 1
            + "; semicolon\n" // 2
            + "Image=nginx:1.27\n" // 3
            + "# hash\n" // 4
            + "PodmanArgs=--init \\\n" // 5
            + "  --privileged\n" // 6
            + "AddCapability=SYS_ADMIN # a value\n"; // 7
    SourceLayout l =
        dev.hardock.source.run.QuadletReader.read(file("web.container", unit, SourceKind.QUADLET))
            .layout();
    assertEquals(
        List.of("web.container@3:1-3:17", "web.container@5:1-6:15", "web.container@7:1-7:34"),
        statements(l));
    assertEquals(
        List.of(
            "web.container@2:1-2:12 NEXT_LINE ; semicolon",
            "web.container@4:1-4:7 NEXT_LINE # hash"),
        comments(l));
  }
}
