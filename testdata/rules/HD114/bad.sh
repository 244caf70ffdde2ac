#!/bin/sh
# expect: HD114 @27-46
docker run --security-opt apparmor=unconfined alpine:3.20 true
# expect: HD114 @27-46
docker run --security-opt=apparmor:unconfined alpine:3.20 true
