FROM debian:12-slim
# expect: HD311 @32-47
RUN bash -c "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"
# expect: HD311 @28-43
RUN su -c "apt-get update; apt-get install -y git" root
RUN cat <<'EOF' | bash -e
apt-get update
# expect: HD311 @1-16
apt-get install -y \
    jq
EOF
USER app
