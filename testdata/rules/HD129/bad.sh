#!/bin/sh
# expect: HD129 @19-24
docker run --link db:db -d wordpress:6.6
# expect: HD129 @19-24
docker run --link=redis -d example/app:1.0
