FROM alpine:3.20
ARG VERSION=1.2.3
# expect: HD304 @5-47
ADD https://example.com/tool-${VERSION}.tar.gz /opt/
# expect: HD304 @5-35
ADD http://example.com/config.yaml /etc/app/config.yaml
# expect: HD304 @17-74
ADD --chmod=755 https://github.com/example/tool/releases/download/v1/tool /usr/local/bin/tool
# expect: HD304 @5-49
ADD https://github.com/moby/buildkit.git#v0.14.1 /src/buildkit
# expect: HD304 @5-39
ADD git@github.com:example/private.git /src/private
# expect: HD304 @13-40
ONBUILD ADD https://example.com/hook.sh /hook.sh
USER nobody
