#!/bin/sh
# expect: HD113 @27-45
docker run --security-opt seccomp=unconfined alpine:3.20 true
# expect: HD113 @27-45
docker run --security-opt=seccomp:unconfined alpine:3.20 true
