# hardock-ignore HD320: kept from an old base image
FROM alpine:3.20
# hardock-ignore HD306, HD320: both unused
RUN apk add --no-cache ca-certificates
USER 65534 # hardock-ignore HD302, HD308: trailing, both unused
HEALTHCHECK NONE
