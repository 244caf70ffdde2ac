#!/bin/sh
# expect: HD121 @1-11
docker run -d nginx:1.27
# expect: HD121 @1-11
docker run --cpu-rt-runtime 950000 -d nginx:1.27
