#!/bin/sh
# expect: HD130 @34-41
docker run -v /srv/data:/data:ro,rshared alpine:3.20 true
# expect: HD130 @48-70
docker run --mount type=bind,src=/srv/x,dst=/x,bind-propagation=slave alpine:3.20 true
# expect: HD130 @25-31
docker run -v /mnt:/mnt:shared alpine:3.20 true
