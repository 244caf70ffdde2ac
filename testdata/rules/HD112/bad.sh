#!/bin/sh
# expect: HD112 @1-11
docker run -d nginx:1.27
# expect: HD112 @6-26
sudo docker container run --cap-drop NET_RAW alpine:3.20 true
# expect: HD112 @5-18
x=$(docker create alpine:3.20)
