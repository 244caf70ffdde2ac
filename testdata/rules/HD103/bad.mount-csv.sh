#!/bin/sh
# --mount values are CSV: a field may be in double quotes (Docker documents it for volume-opt values with commas)
# expect: HD103 @39-43
docker run --mount 'type=bind,"source=/etc",target=/x,readonly' alpine:3.20 true
# expect: HD103 @108-113
docker run --mount 'type=volume,src=v,dst=/v,volume-opt=type=none,"volume-opt=o=bind,ro",volume-opt=device=/root' alpine:3.20 true
