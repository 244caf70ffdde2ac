FROM alpine:3.20
# who to ask
maintainer Jane Doe <jane@example.com>
MAINTAINER "someone $USER"
MAINTAINER ops@example.com \
  (team)
USER 65534
