#!/bin/sh
docker run -v /srv/app:/app:ro alpine:3.20 true
docker run -v root:/host alpine:3.20 true
docker run --tmpfs / alpine:3.20 true
