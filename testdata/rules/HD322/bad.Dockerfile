FROM alpine:3.20
ARG SYS=/sys
# expect: HD322 @9-24
WORKDIR /proc/self/fd/1
# expect: HD322 @9-26
WORKDIR "/proc/self/fd/1"
# expect: HD322 @9-13
WORKDIR /dev
# expect: HD322 @9-22
WORKDIR ${SYS}/kernel
# expect: HD322 @9-25
WORKDIR /opt/../boot/efi
# expect: HD322 @9-21
WORKDIR //lost+found
USER 10001
