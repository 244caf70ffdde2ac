#!/bin/sh
docker run --cap-add NET_BIND_SERVICE --cap-add=CHOWN,SETUID alpine:3.20 true
docker run --cap-drop ALL alpine:3.20 true
docker run --cap-drop SYS_ADMIN alpine:3.20 true
