#!/bin/sh
# expect: HD124 @12-28
docker run --restart always -d nginx:1.27
# expect: HD124 @12-36
docker run --restart=unless-stopped -d nginx:1.27
# expect: HD124 @12-32
docker run --restart on-failure -d nginx:1.27
