#!/bin/sh
docker run -m 512m --memory-swap 512m -d nginx:1.27
docker run -m 512m --memory-swap=1g -d nginx:1.27
