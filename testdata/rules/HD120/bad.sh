#!/bin/sh
# expect: HD120 @1-11
docker run -d nginx:1.27
# expect: HD120 @1-14
docker create --memory-reservation 256m nginx:1.27
