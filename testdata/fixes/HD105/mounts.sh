#!/bin/sh
docker run --rm \
  -v "$PWD/site:/site" \
  -v ./conf:/conf:z \
  --mount type=bind,src=/srv,dst=/srv \
  --mount 'type=bind,source=/etc/app,target=/app,readonly=false' \
  alpine:3.20 true
