FROM debian:12-slim
# expect: HD309 @17-19
RUN sh -c 'curl -k -o /tmp/x https://example.com/x'
# expect: HD309 @36-58
RUN /bin/bash -o pipefail -c "wget --no-check-certificate https://example.com/y"
# expect: HD309 @37-39
RUN ["/bin/sh", "-c", "sh -c \"curl -k -o /tmp/z https://example.com/z\""]
# expect: HD309 @38-40
RUN runuser -u nobody -- sh -c 'curl -k -o /tmp/r https://example.com/r'
# expect: HD309 @24-26
RUN su --command='curl -k -o /tmp/s https://example.com/s' nobody
# expect: HD309 @16-18
RUN su -c'curl -k -o /tmp/t https://example.com/t' nobody
USER app
