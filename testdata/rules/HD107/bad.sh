#!/bin/sh
# expect: HD107 @12-22
docker run --pid=host -d alpine:3.20 true
# expect: HD107 @15-25
docker run -d --pid host alpine:3.20 true
MODE=host
# expect: HD107 @15-28
docker run -d --pid "$MODE" alpine:3.20 true
