package dev.hardock.robust;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators shared by the robustness properties: structured, near-valid inputs for every reader (so a
 * property reaches the code past the first syntax error), arbitrary unicode, and the byte-level damage a file
 * on disk can carry (CRLF or CR-only line ends, a BOM, invalid UTF-8, NUL bytes).
 */
final class Gen {
  private Gen() {}

  static String join(List<String> parts) {
    return String.join("", parts);
  }

  // ---------------------------------------------------------------- shell

  static Arbitrary<String> word() {
    Arbitrary<String> bare =
        Arbitraries.of(
            "a",
            "x1",
            "/etc/passwd",
            "curl",
            "-fsSL",
            "--rm",
            "-y",
            "https://x.io/i.sh",
            "$HOME",
            "${A:-b}",
            "${A#x}",
            "$(id -u)",
            "`pwd`",
            "$((1+2))",
            "~/.ssh",
            "*.txt",
            "{a,b}",
            "A=1",
            "PASS=s3cret",
            "é",
            "😀",
            "\\$x",
            "a\\ b",
            "''",
            "\"\"",
            "-",
            "--",
            "0777",
            "+x",
            "root",
            "1000:1000");
    Arbitrary<String> single = Arbitraries.of("'a b'", "'$x \"q\"'", "'it''s'", "'", "'\\'");
    Arbitrary<String> dbl =
        Arbitraries.of(
            "\"a $b\"", "\"${c:-d e}\"", "\"$(echo \"x\")\"", "\"\\\"\"", "\"", "\"`x`\"");
    Arbitrary<String> ansi = Arbitraries.of("$'a\\nb'", "$'\\x41'", "$\"msg\"");
    return Arbitraries.frequencyOf(
        Tuple.of(8, bare), Tuple.of(2, single), Tuple.of(2, dbl), Tuple.of(1, ansi));
  }

  static Arbitrary<String> simpleCommand() {
    Arbitrary<String> name =
        Arbitraries.of(
            "apt-get install -y",
            "apk add",
            "pip install",
            "npm i -g",
            "curl -sSL",
            "wget -qO-",
            "chmod 777",
            "chown -R root",
            "echo",
            "sudo",
            "bash -c",
            "sh -c",
            "export",
            "ssh-keygen -f",
            "cd",
            "useradd -u 0",
            "docker run --privileged",
            "gpg --recv-keys",
            "git clone",
            "rm -rf",
            "eval",
            "exec",
            "set -eux");
    Arbitrary<String> redirect =
        Arbitraries.of(
            "",
            "",
            "",
            " > /dev/null",
            " 2>&1",
            " >> /etc/sudoers",
            " < in",
            " <<< \"$x\"",
            " &> log",
            " 2>/dev/null");
    return Combinators.combine(
            Arbitraries.of("", "", "A=1 ", "DEBIAN_FRONTEND=noninteractive "),
            name,
            word().list().ofMaxSize(4),
            redirect)
        .as((env, n, ws, r) -> env + n + (ws.isEmpty() ? "" : " " + String.join(" ", ws)) + r);
  }

  /** A shell command line: commands joined by operators, sometimes inside compound commands. */
  static Arbitrary<String> shellLine() {
    Arbitrary<String> op =
        Arbitraries.of(" && ", " || ", "; ", " | ", " |& ", " & ", " \\\n  && ", " \\\n    ");
    Arbitrary<String> chain =
        Combinators.combine(simpleCommand().list().ofMinSize(1).ofMaxSize(4), op.list().ofSize(3))
            .as(
                (cs, ops) -> {
                  StringBuilder b = new StringBuilder(cs.get(0));
                  for (int i = 1; i < cs.size(); i++) b.append(ops.get(i - 1)).append(cs.get(i));
                  return b.toString();
                });
    return Arbitraries.frequencyOf(
        Tuple.of(6, chain),
        Tuple.of(1, chain.map(c -> "if [ -f x ]; then " + c + "; fi")),
        Tuple.of(1, chain.map(c -> "for i in a b; do " + c + "; done")),
        Tuple.of(1, chain.map(c -> "( " + c + " )")),
        Tuple.of(1, chain.map(c -> "{ " + c + "; }")),
        Tuple.of(1, chain.map(c -> "case $x in a) " + c + ";; *) true;; esac")),
        Tuple.of(1, chain.map(c -> "bash -c '" + c.replace("'", "") + "'")),
        Tuple.of(1, chain.map(c -> "f() { " + c + "; }")));
  }

  // ---------------------------------------------------------------- Dockerfile

  static Arbitrary<String> image() {
    return Arbitraries.of(
        "node",
        "node:22",
        "node:latest",
        "python:3.12-slim@sha256:" + "a".repeat(64),
        "scratch",
        "${BASE}",
        "$BASE:${TAG:-1}",
        "ghcr.io/o/i:1",
        "localhost:5000/x",
        "build",
        "--platform=$BUILDPLATFORM golang",
        "UPPER:Case",
        "a@sha256:bad",
        ":",
        "");
  }

  static Arbitrary<String> dockerInstruction() {
    Arbitrary<String> from =
        Combinators.combine(image(), Arbitraries.of("", " AS build", " as b2", " AS", " AS x y"))
            .as((i, a) -> "FROM " + i + a);
    Arbitrary<String> run =
        Combinators.combine(
                Arbitraries.of(
                    "",
                    "--mount=type=secret,id=k ",
                    "--mount=type=cache,target=/root/.cache ",
                    "--network=host ",
                    "--security=insecure ",
                    "--mount=type=ssh "),
                shellLine())
            .as((f, s) -> "RUN " + f + s);
    Arbitrary<String> heredoc =
        Combinators.combine(
                Arbitraries.of(
                    "RUN ", "RUN <<EOT bash\n", "COPY ", "RUN cat <<-'X' >", "RUN python3 "),
                shellLine().list().ofMaxSize(3),
                Arbitraries.of("EOF", "EOT", "X", "'EOF'", "\"EOF\"", "-EOF"))
            .as(
                (head, body, tag) -> {
                  String name = tag.replace("'", "").replace("\"", "").replace("-", "");
                  String marker = head.endsWith(">") ? "" : "<<" + tag;
                  return head
                      + marker
                      + (head.startsWith("COPY") ? " /x" : "")
                      + "\n"
                      + String.join("\n", body)
                      + "\n"
                      + (head.contains("-'X'") ? "\tX" : name);
                });
    Arbitrary<String> exec =
        word()
            .list()
            .ofMaxSize(3)
            .map(
                ws -> {
                  StringBuilder b = new StringBuilder("[\"sh\"");
                  for (String w : ws) b.append(", \"").append(w.replace("\"", "\\\"")).append('"');
                  return b.append(']').toString();
                });
    Arbitrary<String> cmd =
        Combinators.combine(
                Arbitraries.of(
                    "CMD ",
                    "ENTRYPOINT ",
                    "RUN ",
                    "SHELL ",
                    "HEALTHCHECK CMD ",
                    "HEALTHCHECK --interval=5s CMD "),
                Arbitraries.oneOf(exec, shellLine(), Arbitraries.of("[", "[\"a\",]", "[]", "[1]")))
            .as((k, v) -> k + v);
    Arbitrary<String> pair =
        Combinators.combine(
                Arbitraries.of("A", "PASSWORD", "API_KEY", "PATH", "é", "1x", ""),
                Arbitraries.of(
                    "=1",
                    "=\"a b\"",
                    "='$x'",
                    "=${A:-z}",
                    "=",
                    " v",
                    "=a\\ b",
                    "=sk_live_" + "x".repeat(24)))
            .as((k, v) -> k + v);
    Arbitrary<String> env =
        Combinators.combine(
                Arbitraries.of("ENV ", "ARG ", "LABEL ", "ONBUILD ENV "),
                pair.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(" ", " \\\n    "))
            .as((k, ps, sep) -> k + String.join(sep, ps));
    Arbitrary<String> copy =
        Combinators.combine(
                Arbitraries.of(
                    "COPY ",
                    "ADD ",
                    "COPY --from=build ",
                    "COPY --from=0 ",
                    "COPY --chown=1000:1000 --chmod=755 ",
                    "ADD --checksum=sha256:aa ",
                    "COPY --link ",
                    "ADD https://x.io/a.tgz "),
                Arbitraries.of(
                    ". .",
                    "a b /c/",
                    "[\"a\", \"/b\"]",
                    "id_rsa /root/.ssh/",
                    "*.pem /",
                    ".env /app",
                    "--",
                    "src"))
            .as((k, v) -> k + v);
    Arbitrary<String> other =
        Arbitraries.of(
            "USER root",
            "USER 0:0",
            "USER $U",
            "USER node",
            "USER",
            "WORKDIR /app",
            "WORKDIR relative",
            "EXPOSE 22 80/tcp",
            "EXPOSE",
            "VOLUME /var/run/docker.sock",
            "VOLUME [\"/a\"]",
            "STOPSIGNAL SIGKILL",
            "MAINTAINER me",
            "HEALTHCHECK NONE",
            "ONBUILD RUN make",
            "ONBUILD ONBUILD RUN x",
            "RUNN make",
            "FROM",
            "COPY",
            "ARG TAG=1",
            "ARG BASE",
            "# comment",
            "# hardock-ignore HD201: pinned elsewhere",
            "# hardock-ignore-file HD301",
            "# hardock-ignore nope,HD999",
            "#",
            "",
            "  ",
            "\t");
    return Arbitraries.frequencyOf(
        Tuple.of(3, from),
        Tuple.of(5, run),
        Tuple.of(2, heredoc),
        Tuple.of(2, cmd),
        Tuple.of(2, env),
        Tuple.of(2, copy),
        Tuple.of(3, other));
  }

  /** A Dockerfile: optional parser directives, then instructions, sometimes with stray continuations. */
  static Arbitrary<String> dockerfile() {
    Arbitrary<String> directives =
        Arbitraries.of(
            "",
            "",
            "",
            "# syntax=docker/dockerfile:1\n",
            "# escape=`\n",
            "# escape=\\\n",
            "#check=skip=all\n");
    Arbitrary<String> lineEnd = Arbitraries.of("\n", "\n", "\n", " \\\n", "\n\n", "\n# c\n");
    return Combinators.combine(
            directives,
            dockerInstruction().list().ofMinSize(1).ofMaxSize(10),
            lineEnd.list().ofSize(10))
        .as(
            (d, is, ends) -> {
              StringBuilder b = new StringBuilder(d);
              for (int i = 0; i < is.size(); i++) b.append(is.get(i)).append(ends.get(i));
              return b.toString();
            });
  }

  /** A Dockerfile BuildKit accepts: FROM first, well-formed arguments, continuations, heredocs and comments. */
  static Arbitrary<String> validDockerfile() {
    Arbitrary<String> safeShell =
        shellLine()
            .map(l -> l.replace("'", "").replace("\"", "").replace("`", "").replace("$'", "$"));
    Arbitrary<String> body =
        Arbitraries.frequencyOf(
            Tuple.of(4, safeShell.map(l -> "RUN " + l)),
            Tuple.of(1, safeShell.map(l -> "RUN --mount=type=cache,target=/c " + l)),
            Tuple.of(
                1,
                safeShell
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(3)
                    .map(ls -> "RUN <<EOF\n" + String.join("\n", ls) + "\nEOF")),
            Tuple.of(1, safeShell.map(l -> "COPY <<EOT /etc/x.sh\n" + l + "\nEOT")),
            Tuple.of(
                1,
                Arbitraries.of(
                    "ENV A=1 B=\"two words\"",
                    "ENV A=1 \\\n    B=2",
                    "ARG V=1",
                    "LABEL a=b c=\"d e\"",
                    "USER node",
                    "USER 1000:1000",
                    "WORKDIR /app",
                    "EXPOSE 80 443/tcp",
                    "COPY --chown=1:1 a b /c/",
                    "COPY [\"a b\", \"/c\"]",
                    "ADD --chmod=644 x /y",
                    "CMD [\"node\", \"s.js\"]",
                    "ENTRYPOINT [\"tini\", \"--\"]",
                    "HEALTHCHECK --interval=5s CMD curl -f http://localhost/",
                    "HEALTHCHECK NONE",
                    "STOPSIGNAL SIGTERM",
                    "VOLUME [\"/data\"]",
                    "SHELL [\"/bin/bash\", \"-c\"]",
                    "ONBUILD RUN make",
                    "# a comment",
                    "",
                    "RUN echo a \\\n    # comment inside\n    b",
                    "RUN set -e; \\\n  apt-get update && \\\n  apt-get install -y curl")));
    return Combinators.combine(
            Arbitraries.of("", "# syntax=docker/dockerfile:1\n", "ARG BASE=node:22\n"),
            Arbitraries.of(
                "FROM node:22 AS build",
                "FROM ${BASE:-node:22}",
                "FROM scratch",
                "FROM --platform=$BUILDPLATFORM golang:1 AS b"),
            body.list().ofMaxSize(8),
            Arbitraries.of("\n", "\n\n", "\n# c\n"))
        .as((d, from, is, end) -> d + from + "\n" + String.join(end, is) + "\n");
  }

  // ---------------------------------------------------------------- docker run lines and their
  // hosts

  static Arbitrary<String> runFlag() {
    return Arbitraries.of(
        "--privileged",
        "--privileged=false",
        "-v /:/host",
        "-v /var/run/docker.sock:/var/run/docker.sock:ro",
        "--volume=$PWD:/src",
        "--mount type=bind,source=/etc,target=/e,readonly",
        "--mount=type=volume,dst=/d",
        "-p 80:80",
        "-p 0.0.0.0:2375:2375/tcp",
        "-p [::1]:1:2",
        "-p80",
        "--publish=8080",
        "-P",
        "-e PASSWORD=hunter2",
        "--env=A",
        "-eA=1",
        "--env-file .env",
        "--cap-add ALL",
        "--cap-add=SYS_ADMIN,NET_ADMIN",
        "--security-opt seccomp=unconfined",
        "--security-opt=apparmor:unconfined",
        "--net=host",
        "--network host",
        "--pid=host",
        "--ipc host",
        "--uts=host",
        "--userns=host",
        "-u 0",
        "--user=root:root",
        "--device /dev/mem",
        "-m 1g",
        "--memory=",
        "--cpus 2",
        "--pids-limit -1",
        "--read-only",
        "--restart always",
        "--rm",
        "-itd",
        "-it",
        "--name x",
        "--link db:db",
        "--health-cmd 'curl x'",
        "--no-healthcheck",
        "-w /w",
        "--entrypoint sh",
        "--unknown-flag",
        "--",
        "-",
        "-x",
        "-e 😀=1",
        "--label x=😀 --privileged",
        "-v /😀:/h",
        "--log-opt max-size=1m",
        "--sysctl net.ipv4.ip_forward=1");
  }

  static Arbitrary<String> dockerRun() {
    Arbitrary<String> lead =
        Arbitraries.of(
            "docker run",
            "docker container run",
            "docker create",
            "podman run",
            "sudo docker run",
            "docker -H tcp://x run",
            "$DOCKER run",
            "docker run");
    Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", " \\\n  ", "\t");
    Arbitrary<String> tail =
        Arbitraries.of("", " sh", " sh -c 'echo hi'", " bash", " --version", " \"$@\"", " ${CMD}");
    return Combinators.combine(
            lead, runFlag().list().ofMaxSize(6), sep.list().ofSize(7), image(), tail)
        .as(
            (l, fs, seps, img, t) -> {
              StringBuilder b = new StringBuilder(l);
              for (int i = 0; i < fs.size(); i++) b.append(seps.get(i)).append(fs.get(i));
              return b.append(seps.get(6))
                  .append(img.isEmpty() ? "nginx" : img.replace("--platform=$BUILDPLATFORM ", ""))
                  .append(t)
                  .toString();
            });
  }

  static Arbitrary<String> scriptLine() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, dockerRun()),
        Tuple.of(2, shellLine()),
        Tuple.of(
            1,
            Arbitraries.of(
                "# hardock-ignore HD101: test rig",
                "# hardock-ignore-file",
                "#!/bin/sh",
                "",
                "cat <<EOF\ndocker run --privileged x\nEOF",
                "X=$(docker run --rm -v /:/h a)",
                "echo 'docker run --privileged'")));
  }

  static Arbitrary<String> shellScript() {
    return scriptLine()
        .list()
        .ofMaxSize(8)
        .map(ls -> "#!/bin/bash\n" + String.join("\n", ls) + "\n");
  }

  static Arbitrary<String> makefile() {
    return Combinators.combine(
            Arbitraries.of("run", "test", ".PHONY", "all: build", "x:"),
            scriptLine().list().ofMaxSize(5),
            Arbitraries.of("\t", "\t@", "\t-", "    ", "\t$(DOCKER) "))
        .as(
            (target, ls, pre) -> {
              StringBuilder b = new StringBuilder("IMG ?= nginx\n" + target + ":\n");
              for (String l : ls)
                b.append(pre).append(l.replace("\n", "\n" + pre).replace("$x", "$$x")).append('\n');
              return b.toString();
            });
  }

  static Arbitrary<String> markdown() {
    Arbitrary<String> block =
        Combinators.combine(
                Arbitraries.of(
                    "```sh",
                    "```bash",
                    "```console",
                    "```",
                    "~~~",
                    "````shell",
                    "```yaml",
                    "   ```sh",
                    "```sh {.x}"),
                scriptLine().list().ofMaxSize(3),
                Arbitraries.of("$ ", "", "", "> ", "# "),
                Arbitraries.of("```", "~~~", "````", "", "   ```"))
            .as(
                (open, ls, prompt, close) ->
                    open
                        + "\n"
                        + (ls.isEmpty() ? "" : prompt + String.join("\n" + prompt, ls))
                        + "\n"
                        + close);
    Arbitrary<String> prose =
        Arbitraries.of(
            "# Title",
            "Run `docker run --privileged x` inline.",
            "<!-- hardock-ignore HD101 -->",
            "<!-- hardock-ignore-file: docs -->",
            "    docker run -v /:/h x",
            "* item",
            "",
            "<!--",
            "-->");
    return Arbitraries.oneOf(block, prose)
        .list()
        .ofMaxSize(6)
        .map(ps -> String.join("\n", ps) + "\n");
  }

  static Arbitrary<String> githubWorkflow() {
    Arbitrary<String> step =
        Combinators.combine(
                Arbitraries.of(
                    "      - run: ",
                    "      - run: |\n",
                    "      - name: x\n        run: >-\n",
                    "      - uses: actions/checkout@v4\n      - run: "),
                scriptLine().list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("", "${{ matrix.img }}", " # hardock-ignore HD101"))
            .as(
                (head, ls, extra) -> {
                  if (head.endsWith("\n")) {
                    String ind = head.contains("name") ? "          " : "          ";
                    return head + ind + String.join("\n", ls).replace("\n", "\n" + ind) + extra;
                  }
                  return head + ls.get(0).replace("\n", " ") + extra;
                });
    return step.list()
        .ofMaxSize(4)
        .map(
            ss ->
                "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + String.join("\n", ss)
                    + "\n");
  }

  static Arbitrary<String> gitlabCi() {
    Arbitrary<String> job =
        Combinators.combine(
                Arbitraries.of("build", "test", ".tmpl", "deploy"),
                Arbitraries.of("script", "before_script", "after_script", "variables", "image"),
                scriptLine().list().ofMaxSize(3),
                Arbitraries.of("  - ", "    - ", "  - |\n      ", "  - >\n      "))
            .as(
                (name, key, ls, item) -> {
                  StringBuilder b = new StringBuilder(name + ":\n  " + key + ":\n");
                  for (String l : ls)
                    b.append(item).append(l.replace("\n", "\n      ")).append('\n');
                  return b.toString();
                });
    return job.list().ofMaxSize(3).map(js -> "stages: [build]\n" + String.join("", js));
  }

  // ---------------------------------------------------------------- compose

  static Arbitrary<String> composeValue(String indent) {
    Arbitrary<String> scalar =
        Arbitraries.of(
            "image: nginx",
            "image: ${IMG:-nginx}:latest",
            "image: \"$IMG\"",
            "privileged: true",
            "privileged: \"yes\"",
            "user: root",
            "user: \"0:0\"",
            "network_mode: host",
            "pid: host",
            "ipc: host",
            "read_only: false",
            "mem_limit: 1g",
            "cpus: 0.5",
            "restart: always",
            "cap_add: [ALL]",
            "cap_add: [\"SYS_ADMIN\", NET_ADMIN]",
            "security_opt: [seccomp:unconfined, \"apparmor=unconfined\"]",
            "ports: [\"2375:2375\", 80, \"127.0.0.1:1:1/udp\"]",
            "volumes: [\"/:/host\", \"/var/run/docker.sock:/var/run/docker.sock\", ./x:/x:ro]",
            "environment: {PASSWORD: hunter2, A: \"${A:?need A}\", B: $$literal}",
            "environment: [A=1, \"TOKEN=ghp_" + "a".repeat(36) + "\"]",
            "devices: [/dev/mem]",
            "command: [sh, -c, \"docker run --privileged x\"]",
            "command: sh -c 'curl x | sh'",
            "healthcheck: {disable: true}",
            "healthcheck: {test: [NONE]}",
            "deploy: {resources: {limits: {memory: 1g, cpus: '1', pids: 10}}}",
            "<<: *common",
            "<<: [*common, *more]",
            "extends: {service: base}",
            "extends: other",
            "build: .",
            "build: {context: ., dockerfile: Dockerfile.x, args: {TOKEN: s3cret}}",
            "x-foo: &common {privileged: true}",
            "links: [db]",
            "env_file: .env",
            "sysctls: {net.ipv4.ip_forward: 1}",
            "userns_mode: host",
            "labels: [a=b]",
            "profiles: [x]",
            "image: ",
            "ports:",
            "ports: [\"😀\", \"2375:2375\"]",
            "labels: {\"😀é\": x}\n    privileged: true",
            "environment: [\"😀=1\", \"TOKEN=ghp_" + "b".repeat(36) + "\"]",
            "volumes: [\"/😀:/x\", /:/h]  # 😀",
            "? complex",
            "!!str tagged: x",
            "&anchor key: v",
            "*alias",
            "privileged: [1]");
    Arbitrary<String> block =
        Arbitraries.of(
            "volumes:\n"
                + indent
                + "  - /:/h\n"
                + indent
                + "  - type: bind\n"
                + indent
                + "    source: /etc\n"
                + indent
                + "    target: /e",
            "ports:\n"
                + indent
                + "  - target: 80\n"
                + indent
                + "    published: 80\n"
                + indent
                + "    host_ip: 0.0.0.0",
            "environment:\n" + indent + "  - A=1\n" + indent + "  - SECRET_KEY=abc",
            "environment:\n"
                + indent
                + "  A: 1\n"
                + indent
                + "  API_TOKEN: |\n"
                + indent
                + "    multi\n"
                + indent
                + "    line",
            "cap_add:\n" + indent + "  - SYS_ADMIN",
            "command: >\n" + indent + "  docker run\n" + indent + "  --privileged x");
    return Arbitraries.frequencyOf(Tuple.of(5, scalar), Tuple.of(1, block));
  }

  static Arbitrary<String> compose() {
    Arbitrary<String> service =
        Combinators.combine(
                Arbitraries.of("web", "db", "base", "\"quoted\"", "é", "x", "web"),
                Arbitraries.of("", " &common", " &more"),
                composeValue("    ").list().ofMaxSize(6))
            .as(
                (name, anchor, vs) -> {
                  StringBuilder b = new StringBuilder("  " + name + ":" + anchor + "\n");
                  for (String v : vs) b.append("    ").append(v).append('\n');
                  return b.toString();
                });
    Arbitrary<String> flowService =
        composeValue("")
            .list()
            .ofMaxSize(4)
            .map(
                vs ->
                    "  flow: {"
                        + String.join(", ", vs.stream().filter(v -> !v.contains("\n")).toList())
                        + "}\n");
    Arbitrary<String> head =
        Arbitraries.of(
            "",
            "",
            "version: \"3.8\"\n",
            "name: p\n",
            "x-common: &common\n  privileged: true\n",
            "include: [other.yaml]\n",
            "---\n",
            "# hardock-ignore-file HD120\n",
            "x-l: &l [a, b]\n");
    Arbitrary<String> tail =
        Arbitraries.of(
            "",
            "",
            "volumes:\n  data: {}\n",
            "networks:\n  n:\n",
            "secrets:\n  s:\n    file: ./s\n",
            "---\nservices: {}\n",
            "services:\n  dup: {}\n",
            "...\n");
    return Combinators.combine(
            head, Arbitraries.oneOf(service, flowService).list().ofMaxSize(4), tail)
        .as(
            (h, ss, t) ->
                h + "services:" + (ss.isEmpty() ? " {}" : "") + "\n" + String.join("", ss) + t);
  }

  static Arbitrary<String> dotEnv() {
    Arbitrary<String> line =
        Arbitraries.of(
            "IMG=nginx",
            "export TAG=1",
            "A='single $x'",
            "B=\"dq \\n ${IMG}\"",
            "C=\"open",
            "D=unquoted # comment",
            "# comment",
            "",
            "=novalue",
            "E",
            "F= spaced ",
            "G=\"multi\nline\"",
            "é=1",
            "H=${MISSING:-d}",
            "\texport\tI=2",
            "J='open",
            "K=\\",
            "PASSWORD=s3cret");
    return line.list().ofMaxSize(8).map(ls -> String.join("\n", ls));
  }

  // ---------------------------------------------------------------- daemon.json, config, baseline

  static Arbitrary<String> daemonJson() {
    Arbitrary<String> entry =
        Arbitraries.of(
            "\"icc\": true",
            "\"icc\": \"false\"",
            "\"hosts\": [\"tcp://0.0.0.0:2375\", \"unix://\"]",
            "\"hosts\": \"tcp://x\"",
            "\"tls\": false",
            "\"tlsverify\": true",
            "\"userns-remap\": \"default\"",
            "\"live-restore\": 1",
            "\"no-new-privileges\": true",
            "\"insecure-registries\": [\"r:5000\"]",
            "\"default-ulimits\": {\"nofile\": {\"Hard\": 1}}",
            "\"log-driver\": null",
            "\"experimental\": true",
            "\"x\": {\"y\": [1, 2.5e3, -0, true, null, \"\\u00e9\"]}",
            "\"icc\": true",
            "\"\": 1",
            "\"unterminated",
            "1: 2",
            "\"a\": ,",
            "\"b\": [1,]",
            "\"c\": tru");
    return Combinators.combine(
            entry.list().ofMaxSize(8),
            Arbitraries.of(",", ", ", ",\n  ", ",\r\n"),
            Arbitraries.of("{", "{\n  ", "[", "", "\uFEFF{"),
            Arbitraries.of("}", "\n}\n", "", "}}", "} x"))
        .as((es, sep, open, close) -> open + String.join(sep, es) + close);
  }

  // ---------------------------------------------------------------- dev containers, units, Ansible

  static Arbitrary<String> devcontainer() {
    Arbitrary<String> entry =
        Arbitraries.of(
            "\"image\": \"mcr.microsoft.com/devcontainers/base:1\"",
            "\"image\": \"${localEnv:IMG}\"",
            "\"privileged\": true",
            "\"privileged\": \"yes\"",
            "\"runArgs\": [\"--privileged\", \"--network=host\", \"-v\", \"/:/h\"]",
            "\"runArgs\": [\"--nope\", 1, null]",
            "\"capAdd\": [\"SYS_ADMIN\"]",
            "\"securityOpt\": [\"seccomp=unconfined\"]",
            "\"mounts\": [\"source=/var/run/docker.sock,target=/x,type=bind\", {\"type\": \"bind\", \"source\": \"/etc\", \"target\": \"/e\"}]",
            "\"containerEnv\": {\"TOKEN\": \"ghp_" + "a".repeat(36) + "\"}",
            "\"containerUser\": \"root\"",
            "\"appPort\": [80, \"2375:2375\"]",
            "\"build\": {\"dockerfile\": \"Dockerfile\", \"context\": \"..\"}",
            "\"dockerComposeFile\": [\"a.yml\"]",
            "// c\n",
            "/* c */",
            "\"x\": {\"y\": [1, 2.5e3, -0, true, null, \"\\u00e9\"]}",
            "\"unterminated",
            "\"a\": ,",
            "\"b\": [1,]");
    return Combinators.combine(
            entry.list().ofMaxSize(8),
            Arbitraries.of(",", ", ", ",\n  ", ",\r\n"),
            Arbitraries.of("{", "{\n  ", "// top\n{", "", "\uFEFF{"),
            Arbitraries.of("}", ",\n}\n", "", "}}", "} x"))
        .as((es, sep, open, close) -> open + String.join(sep, es) + close);
  }

  static Arbitrary<String> quadlet() {
    Arbitrary<String> line =
        Arbitraries.of(
            "[Container]",
            "[Service]",
            "[Unit]",
            "Image=docker.io/library/nginx:1.27",
            "Network=host",
            "AddCapability=SYS_ADMIN NET_RAW",
            "Volume=/:/host",
            "Volume=%h/x:/x:Z",
            "Environment=A=1 \"TOKEN=s3cr3t-s3cr3t\"",
            "PodmanArgs=--privileged \\",
            "  --pids-limit 5",
            "SecurityLabelDisable=true",
            "NoNewPrivileges=yes",
            "ReadOnly=1",
            "User=root",
            "PublishPort=2375:2375",
            "MemoryMax=1G",
            "# hardock-ignore HD106: x",
            "; comment",
            "Unmask=ALL",
            "Mount=type=bind,src=/etc,dst=/e",
            "AddDevice=-/dev/mem",
            "=",
            "Image",
            "[");
    // mostly units Quadlet accepts (a [Container] with an Image), so that the rules are reached
    return Combinators.combine(
            Arbitraries.of("[Container]\nImage=quay.io/fedora/fedora:41\n", "[Container]\n", ""),
            line.list().ofMaxSize(10))
        .as((head, ls) -> head + String.join("\n", ls) + "\n");
  }

  static Arbitrary<String> systemdService() {
    Arbitrary<String> line =
        Arbitraries.of(
            "[Unit]",
            "[Service]",
            "ExecStartPre=-/usr/bin/docker rm -f app",
            "ExecStart=/usr/bin/docker run --rm --privileged -v /:/host app:1",
            "ExecStart=@/usr/bin/podman podman run \\",
            "  --network host nginx",
            "ExecStart=docker run -e TOKEN=%i -e P=$P ${IMG}",
            "ExecStop=/usr/bin/docker stop app",
            "# hardock-ignore HD101: x",
            "Environment=A=1",
            "ExecStart=",
            "ExecStart=docker run 'unterminated",
            "[");
    // mostly a [Service] that runs a container, so that the rules are reached
    return Combinators.combine(
            Arbitraries.of(
                "[Service]\nExecStart=/usr/bin/docker run --rm app:1\n", "[Service]\n", ""),
            line.list().ofMaxSize(8))
        .as((head, ls) -> head + String.join("\n", ls) + "\n");
  }

  static Arbitrary<String> ansible() {
    Arbitrary<String> opt =
        Arbitraries.of(
            "image: nginx:1.27",
            "image: \"{{ img }}\"",
            "privileged: yes",
            "privileged: \"{{ p }}\"",
            "network_mode: host",
            "volumes: [\"/:/host\", \"{{ d }}:/d\"]",
            "capabilities: [SYS_ADMIN]",
            "cap_drop: [ALL]",
            "env: {PASSWORD: hunter2-hunter2, B: \"{{ v }}\"}",
            "published_ports: [\"2375:2375\"]",
            "state: absent",
            "mounts: [{source: /etc, target: /e, type: bind, read_only: false}]",
            "restart_policy: always",
            "memory: 1g",
            "user: root");
    Arbitrary<String> task =
        Combinators.combine(
                Arbitraries.of(
                    "community.docker.docker_container",
                    "docker_container",
                    "containers.podman.podman_container",
                    "podman_container"),
                opt.list().ofMaxSize(6))
            .as(
                (m, os) ->
                    "- name: t\n  "
                        + m
                        + ":\n"
                        + os.stream()
                            .map(o -> "    " + o + "\n")
                            .collect(java.util.stream.Collectors.joining()));
    return task.list().ofMaxSize(3).map(ts -> "---\n" + String.join("", ts));
  }

  static Arbitrary<String> config() {
    Arbitrary<String> line =
        Arbitraries.of(
            "rules: {HD201: off, user-missing: error}",
            "rules: {HD999: on}",
            "rules: HD120",
            "rules:\n  HD201: loud",
            "rules:\n  HD120: info\n  HD301:\n    enabled: false\n    severity: style",
            "rules:\n  HD003:\n    require-reason: true",
            "rules: {HD309: {allowed: [a, b]}}",
            "rules: {HD201: [1]}",
            "fail-on: warning",
            "fail-on: loud",
            "fail-on: [x]",
            "require-suppression-reason: true",
            "require-suppression-reason: maybe",
            "exclude: [\"vendor/**\", \"[\", \"**/*.md\"]",
            "exclude: x",
            "exclude: [{a: 1}]",
            "unknown: 1",
            "rules:",
            "- list",
            "a: &x [1]\nb: *x",
            "{",
            "\t",
            "rules: {HD201: off, HD201: on}",
            "fail-on: error\nfail-on: info",
            "? [a]\n: b",
            "rules: &r {HD201: off}\nexclude: *r",
            "r: &a [*a]",
            "!!binary x: y",
            "fail-on: !!int 3");
    return line.list().ofMaxSize(5).map(ls -> String.join("\n", ls) + "\n");
  }

  static Arbitrary<String> baseline() {
    Arbitrary<String> entry =
        Arbitraries.of(
            "{\"rule\": \"HD201\", \"file\": \"Dockerfile\", \"fingerprint\": \"abc\"}",
            "{\"fingerprint\": 1}",
            "{\"fingerprint\": null}",
            "{\"fingerprint\": [\"x\"]}",
            "{}",
            "[]",
            "1",
            "\"s\"",
            "{\"fingerprint\": {\"a\": 1}}",
            "{\"fingerprint\"",
            "");
    return Combinators.combine(
            Arbitraries.of(
                "{\"version\": 1, \"findings\": [",
                "{\"findings\": [",
                "[",
                "{",
                "",
                "{\"findings\": {\"fingerprint\": \"x\"}, \"x\": ["),
            entry.list().ofMaxSize(5),
            Arbitraries.of("]}", "]", "}", "", "]}]"))
        .as((h, es, t) -> h + String.join(", ", es) + t);
  }

  // ---------------------------------------------------------------- damage at the byte level

  /** Arbitrary unicode: every UTF-16 unit, unpaired surrogates included. */
  static Arbitrary<String> unicode() {
    return Arbitraries.strings().ofMaxLength(200);
  }

  /**
   * The text as bytes on disk, damaged the ways real files are: line ends rewritten to CRLF or CR, a BOM in
   * front, invalid UTF-8 sequences or NUL bytes spliced in at random offsets.
   */
  static Arbitrary<byte[]> damaged(Arbitrary<String> text) {
    Arbitrary<String> ends = Arbitraries.of("\n", "\n", "\r\n", "\r");
    Arbitrary<byte[]> junk =
        Arbitraries.of(
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {0},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {'\r'});
    Arbitrary<List<Tuple.Tuple2<Integer, byte[]>>> splices =
        Combinators.combine(Arbitraries.integers().between(0, 100_000), junk)
            .as(Tuple::of)
            .list()
            .ofMaxSize(3);
    Arbitrary<Boolean> bom = Arbitraries.of(false, false, false, true);
    Arbitrary<Boolean> clean = Arbitraries.of(true, false);
    return Combinators.combine(text, ends, bom, splices, clean)
        .as(
            (t, end, b, sp, keep) -> {
              String s = end.equals("\n") ? t : t.replace("\r\n", "\n").replace("\n", end);
              byte[] body = s.getBytes(StandardCharsets.UTF_8);
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              if (b) out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
              if (keep || body.length == 0) {
                out.writeBytes(body);
              } else {
                int at = 0;
                for (Tuple.Tuple2<Integer, byte[]> x :
                    sp.stream()
                        .sorted(
                            (p, q) ->
                                Integer.compare(
                                    p.get1() % (body.length + 1), q.get1() % (body.length + 1)))
                        .toList()) {
                  int to = x.get1() % (body.length + 1);
                  out.write(body, at, to - at);
                  out.writeBytes(x.get2());
                  at = to;
                }
                out.write(body, at, body.length - at);
              }
              return out.toByteArray();
            });
  }

  /** Structured text, or arbitrary unicode, or arbitrary bytes, all damaged at the byte level. */
  static Arbitrary<byte[]> anyBytesFor(Arbitrary<String> structured) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, damaged(structured)),
        Tuple.of(1, damaged(unicode())),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
  }
}
