#!/bin/sh
docker run --security-opt no-new-privileges -d nginx:1.27
docker run --security-opt no-new-privileges:true -d nginx:1.27
docker run --security-opt=no-new-privileges=true -d nginx:1.27
