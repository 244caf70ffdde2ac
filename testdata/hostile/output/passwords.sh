#!/bin/sh
curl -u admin:HostilePw1 https://example.com/x -o /tmp/x && docker run --privileged app:1
docker login -p HostilePw2 registry.example.com && docker run --privileged app:1
docker login --password HostilePw3 registry.example.com && docker run --privileged app:1
docker login --password=HostilePw4 registry.example.com && docker run --privileged app:1
