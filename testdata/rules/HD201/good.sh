#!/bin/sh
P="--rm -it"
docker run $P alpine:3.20 sh
docker run --rm "$IMAGE" echo unknown image is not guessed at
docker run --rm %%IMAGE%% placeholder
echo "docker run nginx"
TAG=1.27
docker run -d nginx:$TAG
