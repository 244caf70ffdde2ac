#!/bin/sh
# expect: HD108 @12-22
docker run --ipc=host -d alpine:3.20 true
# expect: HD108 @15-25
docker run -d --ipc host alpine:3.20 true
MODE=host
# expect: HD108 @15-28
docker run -d --ipc "$MODE" alpine:3.20 true
