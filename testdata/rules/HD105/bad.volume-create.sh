#!/bin/sh
# a volume created as a bind is a writable bind mount unless the -v or o= says ro
docker volume create --opt type=none --opt o=bind --opt device="$PWD/data" data
# expect: HD105 @15-25
docker run -v data:/data alpine:3.20 true
