#!/bin/sh
# deprecated aliases docker still accepts, values that look like flags, and podman flags
docker run --net host --net-alias web --link db:db --kernel-memory 64m -d nginx:1.27
docker run -e -x -itd --rm=false alpine:3.20 ls --not-a-docker-flag
docker create -- alpine:3.20 --also-not-a-flag
podman run --pod mypod --userns=keep-id --replace alpine:3.20
echo "docker run --bogus x"
