#!/bin/sh
docker run -p 127.0.0.1:8080:80 -d nginx:1.27
docker run -p [::1]:8080:80/tcp -d nginx:1.27
docker run -p 10.0.0.5:5000-5010:5000-5010/udp -d nginx:1.27
