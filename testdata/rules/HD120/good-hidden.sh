#!/bin/sh
# options the reader cannot see may hold the limit: no "missing" finding
FLAGS="--memory 1g"
docker run $FLAGS alpine:3.20 true
docker run --rm $DOCKER_OPTS alpine:3.20 true
