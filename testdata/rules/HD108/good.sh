#!/bin/sh
docker run --ipc=private -d alpine:3.20 true
docker run --ipc "$MODE" -d alpine:3.20 true
docker run -d alpine:3.20 --ipc=host
