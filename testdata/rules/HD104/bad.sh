#!/bin/sh
# expect: HD104 @15-35
docker run -v /var/run/docker.sock:/var/run/docker.sock traefik:v3.1
# expect: HD104 @34-65
docker run --mount type=bind,src=/run/containerd/containerd.sock,dst=/c.sock alpine:3.20 true
# expect: HD104 @15-23
docker run -v /var/run:/var/run:ro alpine:3.20 true
# expect: HD104 @15-48
docker run -v /run/user/1000/podman/podman.sock:/run/podman.sock alpine:3.20 true
