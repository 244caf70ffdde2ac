#!/bin/sh
# expect: HD123 @20-36
docker run -m 512m --memory-swap -1 -d nginx:1.27
# expect: HD123 @20-36
docker run -m 512m --memory-swap=-1 -d nginx:1.27
