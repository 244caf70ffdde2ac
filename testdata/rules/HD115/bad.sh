#!/bin/sh
# expect: HD115 @27-40
docker run --security-opt label=disable alpine:3.20 true
# expect: HD115 @27-40
docker run --security-opt=label:disable alpine:3.20 true
