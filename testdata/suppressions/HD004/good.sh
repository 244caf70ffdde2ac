#!/bin/sh
# hardock-ignore HD201: demo of the newest image
docker run --rm \
  nginx
docker run --rm redis # hardock-ignore latest-tag: trailing form
