#!/bin/sh
# expect: HD106 @12-26
docker run --network=host -d alpine:3.20 true
# expect: HD106 @15-25
docker run -d --net host alpine:3.20 true
MODE=host
# expect: HD106 @15-32
docker run -d --network "$MODE" alpine:3.20 true
# the advanced syntax of Docker 25+
# expect: HD106 @15-44
docker run -d --network name=host,alias=web alpine:3.20 true
