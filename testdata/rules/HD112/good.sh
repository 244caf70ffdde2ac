#!/bin/sh
docker run --cap-drop=ALL -d nginx:1.27
docker run --cap-drop all --cap-add CHOWN alpine:3.20 true
docker run --cap-drop=NET_RAW,ALL alpine:3.20 true
