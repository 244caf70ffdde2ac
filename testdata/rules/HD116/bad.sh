#!/bin/sh
# expect: HD116 @1-11
docker run -d nginx:1.27
# expect: HD116 @1-11
docker run --security-opt seccomp=profile.json -d nginx:1.27
# expect: HD116 @27-50
docker run --security-opt no-new-privileges:false -d nginx:1.27
