#!/bin/sh
docker run --user 1000:1000 alpine:3.20 true
docker run -u app alpine:3.20 true
docker run --user "$UID" alpine:3.20 true
docker run alpine:3.20 true
