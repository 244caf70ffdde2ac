FROM alpine:3.20 AS a
USER root
FROM alpine:3.20
USER ${RUNTIME_USER}
