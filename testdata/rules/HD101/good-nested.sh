#!/bin/sh
# a string that is not run by a shell is not a command
echo "docker run --privileged nginx:1.27"
printf '%s\n' 'docker run --privileged alpine:3.20'
bash -c "docker run --cap-add=NET_ADMIN alpine:3.20 true"
