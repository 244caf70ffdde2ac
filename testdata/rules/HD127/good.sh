#!/bin/sh
docker run -p 127.0.0.1:8080:80 -d nginx:1.27
docker run -p 80 -d nginx:1.27
docker run -p 127.0.0.1::80 -d nginx:1.27
