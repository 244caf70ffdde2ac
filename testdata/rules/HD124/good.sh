#!/bin/sh
docker run --restart on-failure:5 -d nginx:1.27
docker run --restart=no -d nginx:1.27
docker run -d nginx:1.27
