#!/bin/sh
docker run -v /srv/data:/data:ro,rprivate alpine:3.20 true
docker run --mount type=bind,src=/srv/x,dst=/x,bind-propagation=private alpine:3.20 true
