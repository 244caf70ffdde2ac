#!/bin/sh
# expect: HD101 @12-24
docker run --privileged -d nginx:1.27
# expect: HD101 @20-37
sudo docker run -d --privileged=true alpine:3.20 sleep 1
# expect: HD101 @28-40
out=$(docker container run --privileged --rm alpine:3.20 id)
docker run -d \
  --privileged \
  busybox:1.36
