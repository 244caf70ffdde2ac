#!/bin/sh
# expect: HD118 @21-33
docker run --device /dev/ttyUSB0 alpine:3.20 true
# expect: HD118 @21-41
docker run --device=/dev/snd:/dev/snd:rw alpine:3.20 true
# expect: HD118 @21-29
docker run --device /dev/mem alpine:3.20 true
# expect: HD118 @21-43
docker run --device=/dev/sda:/dev/xvda:rwm alpine:3.20 true
# expect: HD118 @21-33
docker run --device /dev/nvme0n1 alpine:3.20 true
