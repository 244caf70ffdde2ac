#!/bin/sh
docker run --cpus 1.5 -d nginx:1.27
docker run --cpu-quota 50000 -d nginx:1.27
docker run -c 512 -d nginx:1.27
docker run --cpuset-cpus 0,1 -d nginx:1.27
