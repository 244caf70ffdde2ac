#!/bin/sh
docker run --cgroupns private -d nginx:1.27
