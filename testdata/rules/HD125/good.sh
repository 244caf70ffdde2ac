#!/bin/sh
docker run --health-cmd "curl -f http://localhost/ || exit 1" -d nginx:1.27
docker run --no-healthcheck=false -d nginx:1.27
