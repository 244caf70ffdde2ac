#!/bin/sh
docker run -v /var/run/docker.sock:/var/run/docker.sock alpine:3.20 true
docker run -v /etcetera:/data alpine:3.20 true
docker run -v etc:/etc alpine:3.20 true
docker run -v ./etc:/etc alpine:3.20 true
docker run -v /:/host alpine:3.20 true
docker run -v /etc/localtime:/etc/localtime:ro -v /usr/share/zoneinfo/Europe:/zi:ro alpine:3.20 true
