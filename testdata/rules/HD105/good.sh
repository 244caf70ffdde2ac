#!/bin/sh
docker run -v /srv/data:/data:ro alpine:3.20 true
docker run -v pgdata:/var/lib/postgresql/data postgres:17.2
docker run -v /cache alpine:3.20 true
docker run --mount type=bind,src=/srv/x,dst=/x,ro alpine:3.20 true
docker run --mount type=bind,src=/srv/x,dst=/x,readonly=1 alpine:3.20 true
docker run --mount type=volume,src=data,dst=/data alpine:3.20 true
docker run --tmpfs /tmp:rw,size=64m alpine:3.20 true
docker run -v "${PWD}:/src:ro,z" alpine:3.20 true
