#!/bin/sh
docker run --pids-limit 200 -d nginx:1.27
docker run --pids-limit=$PIDS -d nginx:1.27
