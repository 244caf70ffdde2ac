FROM debian:12-slim
# expect: HD001 @10-11
RUN echo "hello
# expect: HD001 @28-29
RUN apt-get update && echo 'updated
RUN echo "a \
    b" && echo 'x \
# expect: HD001 @16-17
    y' && echo 'z
RUN sh <<EOF
set -e
# expect: HD001 @6-7
echo "oops
EOF
# expect: HD001 @17-18
RUN sh -c "echo 'oops"
# expect: HD001 @36-38
RUN ["/bin/bash", "-c", "printf %s $'a\\tb"]
# expect: HD001 @13-14
RUN 'ls' -l '/tmp
# expect: HD001 @20-21
RUN sh -c 'echo x'"'"
RUN cat <<'EOF' | sh
# expect: HD001 @6-7
echo 'no end
EOF
USER nobody
