#!/bin/sh
# expect: HD102 @15-16
docker run -v /:/host:ro alpine:3.20 ls /host
# expect: HD102 @34-35
docker run --mount type=bind,src=/,dst=/host,readonly alpine:3.20 true
# expect: HD102 @21-23
docker run --volume //:/rootfs alpine:3.20 true
# expect: HD102 @15-22
docker run -v /usr/..:/host alpine:3.20 true
