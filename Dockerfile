# syntax=docker/dockerfile:1
# hardock's own image, linted clean by hardock (DockerfileSelfLintTest).
#   docker build -t hardock .
#   docker run --rm -v "$PWD:/src:ro" hardock .

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY grammar/ grammar/
COPY rules/ rules/
COPY src/main/ src/main/
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM eclipse-temurin:17.0.15_6-jre-alpine
LABEL org.opencontainers.image.title="hardock" \
      org.opencontainers.image.description="Static security linter for Dockerfiles, compose files, docker run lines and daemon.json" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build --chmod=0444 /build/target/hardock.jar /opt/hardock/hardock.jar
WORKDIR /src
USER 10001:10001
HEALTHCHECK NONE
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/hardock/hardock.jar"]
CMD ["."]
