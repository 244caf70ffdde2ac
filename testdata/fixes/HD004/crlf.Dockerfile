FROM alpine:3.20
# hardock-ignore HD306
USER 65534
