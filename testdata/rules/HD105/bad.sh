#!/bin/sh
# expect: HD105 @15-30
docker run -v /srv/data:/data alpine:3.20 true
# expect: HD105 @15-33
docker run -v ./conf:/etc/app:rw alpine:3.20 true
# expect: HD105 @15-26
docker run -v $(pwd):/src -w /src node:22-alpine npm test
# expect: HD105 @20-53
docker run --mount type=bind,source=/srv/x,target=/x alpine:3.20 true
# expect: HD105 @20-62
docker run --mount type=bind,src=/srv/x,dst=/x,readonly=false alpine:3.20 true
# expect: HD105 @15-29
docker run -v C:\\data:/data alpine:3.20 true
