#!/bin/sh
docker run --network=private -d alpine:3.20 true
docker run --network "$MODE" -d alpine:3.20 true
docker run -d alpine:3.20 --network=host
docker run -d --network name=hostnet,alias=web alpine:3.20 true
