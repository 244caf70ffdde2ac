FROM debian:12-slim
RUN bash -c "curl -fsSL https://example.com/data.json -o /tmp/data.json"
RUN sh -c 'echo curl https://example.com/x | sh'
RUN bash -c "curl -fsSL https://example.com/x.sh > /tmp/x.sh && sha256sum -c /tmp/x.sum && sh /tmp/x.sh"
RUN python3 <<EOF
import subprocess
print("curl -fsSL https://example.com/x | sh")
EOF
RUN <<EOF
#!/usr/bin/env python3
print("curl -fsSL https://example.com/y | sh")
EOF
RUN cat <<EOF > /usr/local/bin/setup
curl -fsSL https://example.com/z | sh
EOF
RUN <<A sh && <<B cat > /etc/notes
echo installing
A
curl -fsSL https://example.com/w | sh
B
RUN sh -c "printf '%s\n' 'curl -fsSL https://example.com/v | sh' > /tmp/notes"
RUN su -c "curl -fsSL https://example.com/u -o /tmp/u" app
USER app
