# syntax=docker/dockerfile:1
# hardock's own image, built from the release bundle and linted clean by hardock (DockerfileSelfLintTest).
#   docker build -t hardock .
#   docker run --rm -v "$PWD:/src:ro" hardock .
# The bundle (src/dist/build.sh) carries its own jlink runtime and AOT cache: the final image has no JDK, only a
# small glibc base with the POSIX shell and find that the bundle's launcher uses.
# Base digests: the multi-arch index of each tag; refresh them together with the tags.

FROM maven:3.9.11-eclipse-temurin-25@sha256:8aa64732682b9021d15a51265552ba77b0e0d96d5f993196183eee4020ab8285 AS build
WORKDIR /build
COPY pom.xml README.md ./
COPY grammar/ grammar/
COPY rules/ rules/
COPY src/main/ src/main/
COPY src/dist/ src/dist/
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Pdist -DskipTests package \
 && mkdir /bundle \
 && tar -C /bundle --strip-components=1 -xzf target/dist/hardock-*.tar.gz

FROM debian:12.11-slim@sha256:b1a741487078b369e78119849663d7f1a5341ef2768798f7b7406c4240f86aef
LABEL org.opencontainers.image.title="hardock" \
      org.opencontainers.image.description="Static security linter for Dockerfiles, compose files, docker run lines and daemon.json" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /bundle/ /opt/hardock/
WORKDIR /src
USER 10001:10001
HEALTHCHECK NONE
ENTRYPOINT ["/opt/hardock/bin/hardock"]
CMD ["."]
