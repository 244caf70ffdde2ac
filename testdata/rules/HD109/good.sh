#!/bin/sh
docker run --uts=private -d alpine:3.20 true
docker run --uts "$MODE" -d alpine:3.20 true
docker run -d alpine:3.20 --uts=host
