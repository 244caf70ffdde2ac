#!/bin/sh
# expect: HD109 @12-22
docker run --uts=host -d alpine:3.20 true
# expect: HD109 @15-25
docker run -d --uts host alpine:3.20 true
MODE=host
# expect: HD109 @15-28
docker run -d --uts "$MODE" alpine:3.20 true
