#!/bin/sh
# A wrapper's own options and a lookup are not a docker run.
timeout 60 docker run alpine:3.20 true
command -v docker
nice -n 5 docker ps --privileged
