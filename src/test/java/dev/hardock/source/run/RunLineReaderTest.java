package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.LineIndex;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.PortMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLineReaderTest {
  static RunLineReader.Result read(String text, RunBlocks.Format format) {
    return RunLineReader.read(text, new LineIndex(text), format);
  }

  static ContainerSpec one(String text) {
    List<ContainerSpec> c = read(text, RunBlocks.Format.SHELL).containers();
    assertEquals(1, c.size(), text);
    return c.get(0);
  }

  @Test
  void valuesAreNeverTakenForTheImage() {
    ContainerSpec c =
        one("docker run -e FOO -v x:y --name web -itd --rm=false -p80:80 nginx:1.27 sh -c 'x'");
    assertEquals("nginx:1.27", c.image().ref().raw());
    assertEquals(80, c.ports().get(0).hostPort());
    assertEquals("docker run", c.name());
  }

  @Test
  void doubleDashEndsOptions() {
    assertEquals("--weird", one("docker create -d -- --weird x").image().ref().raw());
  }

  @Test
  void wrappersAndNesting() {
    String s =
        "sudo -u root env A=1 time docker container run a:1\nx=$(exec docker run b:1) && `nerdctl run c:1`\n"
            + "podman run --pod p d:1 | cat; echo \"docker run --privileged e\"\n";
    List<String> images =
        read(s, RunBlocks.Format.SHELL).containers().stream()
            .map(c -> c.image().ref().raw())
            .toList();
    assertEquals(List.of("a:1", "b:1", "c:1", "d:1"), images);
  }

  @Test
  void variablesResolveFromEarlierAssignments() {
    ContainerSpec c =
        one("IMAGE=nginx\nexport TAG=${TAG:-1.27}\ndocker run -v \"$DATA\":/d $IMAGE:$TAG\n");
    assertEquals("nginx:1.27", c.image().ref().expanded());
    assertEquals("$DATA", c.mounts().get(0).source().value());
    assertNull(one("docker run $UNKNOWN").image().ref().expanded());
  }

  @Test
  void dockerContentTrustInAScriptIsAnEnvVar() {
    var r =
        read(
            "export DOCKER_CONTENT_TRUST=0\nDOCKER_CONTENT_TRUST=0 docker pull x\n",
            RunBlocks.Format.SHELL);
    assertEquals(2, r.env().size());
    assertEquals("0", r.env().get(1).value().value());
  }

  @Test
  void volumesMountsAndPorts() {
    ContainerSpec c =
        one(
            "docker run -v 'C:\\data:/data' -v name:/n:ro,z -v /cache --mount type=bind,src=/s,dst=/t,"
                + "readonly=0,bind-propagation=rslave --tmpfs /run:size=1m -p [::1]:80:80/udp -p 1.2.3.4::53 -p 8000-8010:80 x:1");
    List<Mount> m = c.mounts();
    assertEquals(Mount.Type.BIND, m.get(0).type());
    assertEquals("C:\\data", m.get(0).source().value());
    assertEquals(Mount.Type.VOLUME, m.get(1).type());
    assertTrue(m.get(1).isReadOnly());
    assertNull(m.get(2).source());
    assertEquals(Boolean.FALSE, m.get(3).readOnly().value());
    assertEquals("rslave", m.get(3).propagation().value());
    assertEquals(Mount.Type.TMPFS, m.get(4).type());
    List<PortMapping> p = c.ports();
    assertEquals("::1", p.get(0).hostIp());
    assertEquals("udp", p.get(0).protocol());
    assertNull(p.get(1).hostPort());
    assertEquals(8000, p.get(2).hostPort());
  }

  @Test
  void markdownPositionsAreThoseOfTheFile() {
    String md =
        "# t\n\n```console\n$ docker run \\\n>   --privileged x:1\nout --privileged\n```\n\n"
            + "`docker run --privileged y` in prose\n\n```python\ndocker run z\n```\n";
    var r = read(md, RunBlocks.Format.MARKDOWN);
    assertEquals(1, r.containers().size());
    assertEquals("4:3-4:13", r.containers().get(0).span().toString());
    assertEquals("5:5-5:17", r.containers().get(0).privileged().span().toString());
  }

  @Test
  void markdownPlaceholdersAreWords() {
    var r =
        read(
            "```bash\ndocker run -h <hostname> -d example:<VERSION>\n```\n",
            RunBlocks.Format.MARKDOWN);
    assertEquals("example:\u2039VERSION\u203A", r.containers().get(0).image().ref().raw());
    assertEquals(false, r.containers().get(0).image().ref().isWellFormed());
  }

  @Test
  void workflowBlockScalarPositions() {
    String y =
        "jobs:\n  a:\n    steps:\n      - run: |\n          echo hi\n          docker run \\\n"
            + "            --privileged x:1\n      - run: >-\n          docker run\n          --pid=host y:1\n";
    var r = read(y, RunBlocks.Format.YAML);
    assertEquals(2, r.containers().size());
    assertEquals("7:13-7:25", r.containers().get(0).privileged().span().toString());
    assertEquals("10:11-10:21", r.containers().get(1).pidMode().span().toString());
  }

  @Test
  void gitlabScriptLists() {
    String y =
        "test:\n  before_script:\n    - IMAGE=redis\n  script:\n    - docker run -d $IMAGE:7\n    - >\n"
            + "      docker run --net host z:1\n";
    var r = read(y, RunBlocks.Format.YAML);
    assertEquals(2, r.containers().size());
    assertEquals("redis:7", r.containers().get(0).image().ref().expanded());
    assertEquals("7:18-7:28", r.containers().get(1).networkMode().span().toString());
  }

  @Test
  void makefileRecipes() {
    String mk =
        "IMG ?= app\nrun:\n\t@docker run --rm \\\n\t  -v $$PWD:/src $(IMG):1\n\t-docker create x:1\n";
    var r = read(mk, RunBlocks.Format.MAKEFILE);
    assertEquals(2, r.containers().size());
    assertEquals("$PWD", r.containers().get(0).mounts().get(0).source().value());
    assertEquals("$(IMG):1", r.containers().get(0).image().ref().raw());
    assertEquals("3:3-3:13", r.containers().get(0).span().toString());
  }

  @Test
  void makefileEnginesInVariablesAndInlineRecipes() {
    String mk =
        "DOCKER ?= podman\nDOCKER ?= docker\nup: ; @$(DOCKER) run -d x:1\n\t${DOCKER} create y:1\n"
            + "OTHER = docker\nOTHER += --debug\n\t$(OTHER) run z:1\n";
    var r = read(mk, RunBlocks.Format.MAKEFILE);
    assertEquals(2, r.containers().size());
    assertEquals("podman run", r.containers().get(0).name());
    assertEquals("3:8-3:21", r.containers().get(0).span().toString());
    assertEquals("x:1", r.containers().get(0).image().ref().raw());
    assertEquals("podman create", r.containers().get(1).name());
    assertEquals("4:2-4:18", r.containers().get(1).span().toString());
    assertEquals(-1, MakefileRecipes.inlineRecipe("X = a: b; c", 0, 11));
    assertEquals(-1, MakefileRecipes.inlineRecipe("a: X = y; c", 0, 11));
    assertEquals(-1, MakefileRecipes.inlineRecipe("a ::= b; c", 0, 10));
    assertEquals(6, MakefileRecipes.inlineRecipe("a:: b ; c", 0, 9));
    assertEquals(13, MakefileRecipes.inlineRecipe("$(A:.c=.o): b; c", 0, 16));
  }

  @Test
  void workflowJobContainersAndServices() {
    String y =
        "jobs:\n  a:\n    container: node:20\n    services:\n      db:\n        image: ${{ matrix.db }}\n"
            + "        env: {POSTGRES_PASSWORD: hunter2, TOKEN: '${{ secrets.T }}'}\n"
            + "        credentials: {username: u, password: ghp_abcdefghijklmnopqrstuvwxyz0123456789}\n"
            + "        options: --privilegd --cpus 1\n";
    var r = read(y, RunBlocks.Format.YAML);
    assertEquals(2, r.containers().size());
    ContainerSpec job = r.containers().get(0);
    assertEquals("container", job.name());
    assertEquals("3:5-3:14", job.span().toString());
    assertEquals("node:20", job.image().ref().raw());
    assertEquals("3:16-3:23", job.image().span().toString());
    ContainerSpec db = r.containers().get(1);
    assertEquals("services.db", db.name());
    assertEquals("5:7-5:9", db.span().toString());
    assertNull(db.image().ref().expanded());
    assertEquals("1", db.cpus().value());
    assertEquals("POSTGRES_PASSWORD", db.env().get(0).name().value());
    assertEquals("hunter2", db.env().get(0).value().value());
    assertEquals("7:34-7:41", db.env().get(0).value().span().toString());
    assertEquals(
        "unknown docker run flag --privilegd: did you mean --privileged?",
        r.unknownFlags().get(0).message());
    assertEquals("9:18-9:29", r.unknownFlags().get(0).span().toString());
    // the password is scanned for credential shapes (HD403)
    assertTrue(r.texts().stream().anyMatch(t -> t.value().startsWith("ghp_")));
    // an expression with spaces is one value, not the image
    ContainerSpec expr =
        read(
                "jobs:\n  a:\n    container:\n      image: x:1\n"
                    + "      options: --network ${{ job.container.network }} --cpus 2\n",
                RunBlocks.Format.YAML)
            .containers()
            .get(0);
    assertEquals("${{ job.container.network }}", expr.networkMode().value());
    assertEquals("2", expr.cpus().value());
    assertEquals("x:1", expr.image().ref().raw());
    // GitLab CI has no jobs: key; its services are no workflow services
    assertEquals(
        0,
        read("test:\n  services: [docker:dind]\n  script: [make]\n", RunBlocks.Format.YAML)
            .containers()
            .size());
  }

  @Test
  void invalidYamlIsAProblemNotACrash() {
    var r = read("run: [docker run\n", RunBlocks.Format.YAML);
    assertEquals(1, r.problems().size());
  }

  @Test
  void unknownFlagsGetAHint() {
    var r = read("docker run --memroy=1g --whatever x:1 --cmd-arg", RunBlocks.Format.SHELL);
    assertEquals(
        "unknown docker run flag --memroy: did you mean --memory?",
        r.unknownFlags().get(0).message());
    assertEquals("unknown docker run flag --whatever", r.unknownFlags().get(1).message());
    assertEquals(2, r.unknownFlags().size());
    assertEquals("x:1", r.containers().get(0).image().ref().raw());
    // without "=", an unknown flag is assumed to take no value
    assertEquals("1g", one("docker run --memroy 1g --whatever x:1").image().ref().raw());
  }

  @Test
  void labelsUlimitsAndLogging() {
    ContainerSpec c =
        one(
            "docker run -l com.acme.owner=ops --label-file ./l.txt --ulimit nofile=1024:2048"
                + " --ulimit nproc=512 --log-driver json-file --log-opt max-size=10m --label x nginx");
    assertEquals("com.acme.owner", c.labels().get(0).key().value());
    assertEquals("1:15-1:29", c.labels().get(0).key().span().toString());
    assertEquals("ops", c.labels().get(0).value().value());
    assertEquals("1:30-1:33", c.labels().get(0).value().span().toString());
    assertEquals("x", c.labels().get(1).key().value());
    assertNull(c.labels().get(1).value());
    assertEquals("./l.txt", c.labelFiles().get(0).value());
    assertEquals("nofile", c.ulimits().get(0).name().value());
    assertEquals("1024", c.ulimits().get(0).soft().value());
    assertEquals("2048", c.ulimits().get(0).hard().value());
    assertEquals("1:76-1:80", c.ulimits().get(0).hard().span().toString());
    assertEquals("512", c.ulimits().get(1).hard().value()); // one value: soft and hard
    assertEquals("json-file", c.logging().driver().value());
    assertEquals("1:100-1:122", c.logging().span().toString());
    assertEquals("10m", c.logging().options().get(0).value().value());
    assertNull(one("docker run nginx").logging());
  }
}
