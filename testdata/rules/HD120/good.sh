#!/bin/sh
docker run -m 512m -d nginx:1.27
docker run --memory=1g -d nginx:1.27
docker run -dm 256m nginx:1.27
