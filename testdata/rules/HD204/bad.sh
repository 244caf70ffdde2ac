#!/bin/sh
docker run --rm alpine:edge sh  # expect: HD204 @17-28
TAG=canary
docker run -d "grafana/grafana:$TAG"  # expect: HD204 @15-37
docker run --rm alpine:3.20 true
