FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN echo "deb [signed-by=/usr/share/keyrings/internal.gpg] https://repo.internal.example/debian stable main" \
      > /etc/apt/sources.list.d/internal.list
RUN apk add --no-cache curl
RUN dnf install -y httpd && dnf clean all
RUN rpm --import https://repo.internal.example/RPM-GPG-KEY && rpm -K /tmp/tool.rpm
RUN echo gpgcheck=0
RUN grep -q "gpgcheck=0" /etc/yum.repos.d/*.repo && exit 1 || true
RUN printf '[internal]\nrepo_gpgcheck=0\ngpgcheck=1\n' > /etc/yum.repos.d/internal.repo
RUN zypper --gpg-auto-import-keys refresh && zypper install -y tool
RUN su nobody -s /bin/sh -c "apk index --allow-untrusted -o /tmp/pkgs/APKINDEX.tar.gz /tmp/pkgs/*.apk \
      && abuild-sign -k /tmp/abuild-key.rsa /tmp/pkgs/APKINDEX.tar.gz"
USER nobody
