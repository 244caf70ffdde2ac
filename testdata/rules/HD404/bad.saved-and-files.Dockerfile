FROM docker:27-cli
# the secret mount keeps the password out of the RUN line, but docker login writes it to ~/.docker/config.json
# expect: HD404 @53-59
RUN --mount=type=secret,id=pw cat /run/secrets/pw | docker login -u ci --password-stdin r.example.com
# expect: HD404 @31-37
RUN --mount=type=secret,id=pw docker login -u ci --password-stdin r.example.com < /run/secrets/pw
# a service principal's certificate file is a key file, not a password written in the Dockerfile
# expect: HD404 @5-7
RUN az login --service-principal -u 0000-1111 -p /tmp/cert.pem --tenant example.onmicrosoft.com
USER 10001
