#!/bin/sh
# expect: HD119 @12-23
docker run --user root alpine:3.20 true
# expect: HD119 @12-16
docker run -u 0 alpine:3.20 true
# expect: HD119 @12-22
docker run --user=0:0 alpine:3.20 true
# expect: HD119 @12-23
docker run -uroot:root alpine:3.20 true
