#!/bin/sh
docker run --read-only --tmpfs /tmp -d nginx:1.27
docker run --read-only=true -d nginx:1.27
