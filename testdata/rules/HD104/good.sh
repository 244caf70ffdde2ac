#!/bin/sh
docker run -v docker.sock:/var/run/docker.sock alpine:3.20 true
docker run -v /srv/sockets/app.sock:/app.sock alpine:3.20 true
docker run -e DOCKER_HOST=tcp://proxy:2375 alpine:3.20 true
