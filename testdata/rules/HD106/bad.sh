#!/bin/sh
# expect: HD106 @12-26
docker run --network=host -d alpine:3.20 true
# expect: HD106 @15-25
docker run -d --net host alpine:3.20 true
# expect: HD106 @15-29
docker run -d --network HOST alpine:3.20 true
