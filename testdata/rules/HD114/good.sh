#!/bin/sh
docker run --security-opt apparmor=docker-default alpine:3.20 true
docker run --security-opt seccomp=unconfined alpine:3.20 true
