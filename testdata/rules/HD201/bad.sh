#!/bin/sh
# Run lines: the image argument, after flags and variables are resolved.
docker run --rm -it alpine sh  # expect: HD201 @21-27
OPTS="--rm -e MODE=x"
IMAGE=nginx
docker run $OPTS -p 8080:80 $IMAGE  # expect: HD201 @29-35
sudo docker run -d postgres:latest  # expect: HD201 @20-35
