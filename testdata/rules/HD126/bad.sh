#!/bin/sh
# expect: HD126 @15-22
docker run -p 8080:80 -d nginx:1.27
# expect: HD126 @15-31
docker run -p 0.0.0.0:8443:443 -d nginx:1.27
# expect: HD126 @22-34
docker run --publish=[::]:8080:80 -d nginx:1.27
# expect: HD126 @12-14
docker run -P -d nginx:1.27
# expect: HD126 @14-18
docker run -p9000 -d nginx:1.27
