#!/bin/sh
docker run --userns=private -d alpine:3.20 true
docker run --userns "$MODE" -d alpine:3.20 true
docker run -d alpine:3.20 --userns=host
