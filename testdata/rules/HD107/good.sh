#!/bin/sh
docker run --pid=private -d alpine:3.20 true
docker run --pid "$MODE" -d alpine:3.20 true
docker run -d alpine:3.20 --pid=host
