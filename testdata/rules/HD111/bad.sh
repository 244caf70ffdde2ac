#!/bin/sh
# expect: HD111 @22-31
docker run --cap-add SYS_ADMIN alpine:3.20 true
# expect: HD111 @22-36, HD111 @37-46
docker run --cap-add=cap_sys_ptrace,NET_ADMIN,CHOWN alpine:3.20 true
# expect: HD111 @22-25
docker run --cap-add ALL alpine:3.20 true
# expect: HD111 @22-32
docker run --cap-add=Sys_Module alpine:3.20 true
