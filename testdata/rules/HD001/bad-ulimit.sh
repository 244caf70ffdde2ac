#!/bin/sh
# Docker refuses a limit beyond a 64-bit integer: strconv.ParseInt: value out of range
# expect: HD001 @28-48
docker run --ulimit nofile=99999999999999999999 alpine:3.20 true
# expect: HD001 @32-52
docker run --ulimit nproc=1024:99999999999999999999 alpine:3.20 true
docker run --ulimit nofile=9223372036854775807:-1 --ulimit core=0 alpine:3.20 true
