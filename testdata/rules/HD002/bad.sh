#!/bin/sh
# expect: HD002 @12-22
docker run --privilgd -d nginx:1.27
docker run -d \
  --netowrk=host \
  nginx:1.27
# expect: HD002 @14-15
docker run -iXt alpine:3.20 sh
