FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
ADD https://github.com/moby/buildkit.git#9a1d4a4d5a0e0e39e8d8c0b3d4cbbf6d0b4c7f3a /src/buildkit
ADD rootfs.tar.gz /
ADD app.conf /etc/app/
RUN wget -q -O /tmp/tool.tgz https://example.com/tool.tgz \
    && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/tool.tgz" | sha256sum -c -
USER nobody
