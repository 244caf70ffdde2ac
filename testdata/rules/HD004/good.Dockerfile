FROM node:22.11-bookworm-slim
# hardock-ignore HD401: a throwaway password for the test database
ENV LOG=1 \
    # comment lines inside a continued instruction are skipped by BuildKit
    DB_PASSWORD=correct-horse-battery
# hardock-ignore HD403: a heredoc body belongs to its instruction
RUN <<EOF
echo ghp_abcdefghijklmnopqrstuvwxyz0123456789 > /dev/null
EOF
# hardock-ignore HD302: the entrypoint drops privileges with gosu
USER root
