#!/bin/sh
# Docker compares the mode with "host" exactly: HOST is no host namespace (an invalid mode, or a network named HOST)
docker run --userns=HOST -d alpine:3.20 true
docker run -d --userns Host alpine:3.20 true
MODE=HOST
docker run -d --userns "$MODE" alpine:3.20 true
