#!/bin/sh
# expect: HD122 @1-11
docker run -d nginx:1.27
# expect: HD122 @12-27
docker run --pids-limit -1 -d nginx:1.27
# expect: HD122 @12-26
docker run --pids-limit=0 -d nginx:1.27
