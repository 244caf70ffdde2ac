#!/bin/sh
export DOCKER_CONTENT_TRUST=1
DOCKER_CONTENT_TRUST=1 docker pull alpine:3.20
docker run -e DOCKER_CONTENT_TRUST=1 --rm docker:27-cli pull alpine:3.20
echo "DOCKER_CONTENT_TRUST=0 is not set here"
