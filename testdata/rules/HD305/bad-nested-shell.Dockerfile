FROM debian:12-slim
# expect: HD305 @32-76
RUN apt-get update && bash -c "curl -fsSL https://get.example.com/i.sh | sh"
# expect: HD305 @12-58
RUN sh -c 'curl -fsSL https://get.example.com/i.sh | bash -s'
# expect: HD305 @15-58
RUN bash -lc "wget -qO- https://get.example.com/i.sh | sh"
# expect: HD305 @44-77
RUN env CI=1 /bin/sh -ec "echo \"\$CI\" && curl https://e.example.com/x | sh"
# expect: HD305 @26-13:9
RUN sudo -u app bash -c "curl https://e.example.com/x \
# expect: HD305 @13-53
    | sh && curl https://e.example.com/y | /bin/bash"
# expect: HD305 @21-54
RUN sh -c "bash -c 'curl https://e.example.com/z | sh'"
# expect: HD305 @28-61
RUN ["sh", "-c", "bash -c 'curl https://e.example.com/j | sh'"]
RUN cat <<EOF | sh
# expect: HD305 @1-40
curl -fsSL https://e.example.com/a | sh
EOF
RUN sh <<'EOF'
set -e
# expect: HD305 @1-42
curl -fsSL https://e.example.com/b | bash
EOF
RUN bash -s -- --yes <<EOF
# expect: HD305 @1-40
curl -fsSL https://e.example.com/c | sh
EOF
RUN <<A cat > /etc/motd && <<B sh
curl -fsSL https://e.example.com/not-run | sh
A
# expect: HD305 @1-40
curl -fsSL https://e.example.com/d | sh
B
RUN <<EOF
#!/bin/bash
# expect: HD305 @1-42
curl -fsSL https://e.example.com/e | bash
EOF
RUN <<EOF
# expect: HD305 @22-61
bash -c 'echo start; curl -fsSL https://e.example.com/f | sh'
EOF
USER app
