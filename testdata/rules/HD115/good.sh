#!/bin/sh
docker run --security-opt label=type:svirt_apache_t alpine:3.20 true
docker run --security-opt label=level:s0:c100,c200 alpine:3.20 true
