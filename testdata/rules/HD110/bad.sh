#!/bin/sh
# expect: HD110 @12-25
docker run --userns=host -d alpine:3.20 true
# expect: HD110 @15-28
docker run -d --userns host alpine:3.20 true
MODE=host
# expect: HD110 @15-31
docker run -d --userns "$MODE" alpine:3.20 true
