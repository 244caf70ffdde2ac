#!/bin/sh
# expect: HD117 @1-11
docker run -d nginx:1.27
# expect: HD117 @12-29
docker run --read-only=false -d nginx:1.27
