#!/bin/sh
# expect: HD127 @15-20
docker run -p 80:80 -d nginx:1.27
# expect: HD127 @15-33
docker run -p 127.0.0.1:443:8443 -d nginx:1.27
# expect: HD127 @15-32
docker run -p [::1]:22:2222/tcp -d nginx:1.27
