#!/bin/sh
export DOCKER_CONTENT_TRUST=0  # expect: HD319 @8-30
DOCKER_CONTENT_TRUST=false docker pull alpine:3.20  # expect: HD319 @1-27
docker run -e DOCKER_CONTENT_TRUST=0 --rm docker:27-cli pull alpine:3.20  # expect: HD319 @15-37
