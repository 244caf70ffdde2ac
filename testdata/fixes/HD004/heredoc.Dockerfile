FROM alpine:3.20
USER 65534
HEALTHCHECK NONE
# hardock-ignore HD306: no curl here any more
COPY <<EOF /etc/app.conf
# hardock-ignore HD306: this line is the file's content
key=1
EOF
RUN <<EOF
set -e
echo hi # hardock-ignore HD306, HD302: nor here
EOF
