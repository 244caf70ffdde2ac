FROM node:22-slim
COPY package.json package-lock.json /app/
ADD rootfs.tar.xz /
ADD vendor.tgz /opt/vendor/
ADD jdk.tar.gz /opt/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
ADD https://example.com/tool.bin /usr/local/bin/tool
ADD https://github.com/moby/buildkit.git#v0.14.1 /src/buildkit
ADD ${UNKNOWN_SOURCE} /opt/
USER node
