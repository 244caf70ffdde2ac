#!/bin/sh
# expect: HD103 @15-19
docker run -v /etc:/host/etc:ro alpine:3.20 true
# expect: HD103 @15-21
docker run -v /proc/:/host/proc alpine:3.20 true
# expect: HD103 @37-52
docker run --mount type=bind,source=/var/lib/docker,target=/docker alpine:3.20 true
# expect: HD103 @15-41
docker run -v /usr/local/../../root/.ssh:/ssh alpine:3.20 true
# expect: HD103 @15-31
docker run -v //sys//fs/cgroup:/sys/fs/cgroup:ro alpine:3.20 true
# expect: HD103 @15-28
docker run -v /etc/timezone:/etc/timezone:rw alpine:3.20 true
