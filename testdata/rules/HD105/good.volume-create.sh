#!/bin/sh
# volumes created as binds, mounted read-only by the -v or by ro in o=
docker volume create --opt type=none --opt o=bind,ro --opt device=/srv/conf conf
docker run -v conf:/conf alpine:3.20 true
docker volume create --opt type=none --opt o=bind --opt device=/srv/site site
docker run -v site:/site:ro alpine:3.20 true
docker volume create cache
docker run -v cache:/cache alpine:3.20 true
