#!/bin/sh
docker run --privileged=false -d nginx:1.27
echo "docker run --privileged nginx:1.27"
docker run --rm alpine:3.20 echo --privileged
