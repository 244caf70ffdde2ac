#!/bin/sh
# expect: HD102 @51-52
docker volume create --opt type=none --opt device=/ --opt o=bind host
docker run -v host:/host:ro alpine:3.20 true
