#!/bin/sh
# volumes that bind nothing sensitive, or are mounted before they are created as binds
docker run -v early:/early alpine:3.20 true
docker volume create --opt type=none --opt device=/etc --opt o=bind early
docker volume create --opt type=nfs --opt o=addr=10.0.0.2 --opt device=:/etc nfs
docker run -v nfs:/nfs alpine:3.20 true
docker volume create --opt type=none --opt o=bind --opt device=/srv/site site
docker run -v site:/site:ro alpine:3.20 true
docker volume create plain
docker run -v plain:/plain alpine:3.20 true
