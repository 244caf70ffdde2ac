#!/bin/sh
docker run --rm --privileged -v /:/host alpine:3.20 sh
