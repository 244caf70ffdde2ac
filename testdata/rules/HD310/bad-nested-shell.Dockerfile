FROM alpine:3.20
# expect: HD310 @51-68
RUN su nobody -s /bin/sh -c "apk add -X /tmp/repo --allow-untrusted tool"
RUN sh <<'EOF'
set -eu
# expect: HD310 @44-67
apt-get install -y --no-install-recommends --allow-unauthenticated tool
EOF
USER nobody
