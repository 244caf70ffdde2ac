FROM alpine:3.20
USER 65534
# hardock-ignore HD306
# hardock-ignore HD306