#!/bin/sh
# expect: HD125 @12-28
docker run --no-healthcheck -d nginx:1.27
# expect: HD125 @12-29
docker run --health-cmd NONE -d nginx:1.27
