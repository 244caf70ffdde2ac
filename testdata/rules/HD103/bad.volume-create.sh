#!/bin/sh
# a named volume created as a bind of a host path, then mounted: the finding points at the device value
# expect: HD103 @66-70
docker volume create --driver local --opt type=none --opt device=/etc --opt o=bind etc
docker run -v etc:/host/etc:ro alpine:3.20 true
# expect: HD103 @45-53
docker volume create -o type=none -o device=/var/log -o o=bind,ro logs
docker run --rm -v logs:/logs alpine:3.20 true
# expect: HD103 @56-66
docker volume create -d local-persist --opt mountpoint=/root/keys keys
docker run -v keys:/keys:ro alpine:3.20 true
# inline volume options of --mount make the same bind
# expect: HD103 @102-111
docker run --mount type=volume,src=x,dst=/x,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/boot/efi alpine:3.20 true
