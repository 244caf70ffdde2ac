FROM debian:12-slim
# expect: HD310 @66-89
RUN apt-get update && apt-get install -y --no-install-recommends --allow-unauthenticated legacy-tool
# expect: HD310 @21-32
RUN apt-get install --force-yes -y --no-install-recommends legacy-tool
# expect: HD310 @13-51
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y --no-install-recommends x
# expect: HD310 @9-47
RUN apt -oAcquire::AllowInsecureRepositories=1 update
# expect: HD310 @15-28
RUN echo "deb [trusted=yes] http://repo.internal.example/debian stable main" > /etc/apt/sources.list.d/internal.list
# expect: HD310 @13-30
RUN apk add --allow-untrusted /tmp/custom.apk
# expect: HD310 @20-32
RUN dnf install -y --nogpgcheck https://repo.internal.example/tool.rpm
# expect: HD310 @9-21
RUN yum --nogpgcheck localinstall -y /tmp/tool.rpm
# expect: HD310 @23-33
RUN microdnf --setopt=gpgcheck=0 install -y tool
# expect: HD310 @12-27
RUN zypper --no-gpg-checks --non-interactive install tool
# expect: HD310 @20-22
RUN zypper addrepo -G https://repo.internal.example/sles internal
# expect: HD310 @14-27
RUN rpm -ivh --nosignature /tmp/tool.rpm
# expect: HD310 @14-24
RUN rpm -Uvh --nodigest /tmp/tool.rpm
# expect: HD310 @53-76
RUN sudo apt-get install -y --no-install-recommends --allow-unauthenticated tool
RUN cat > /etc/yum.repos.d/internal.repo <<EOF
[internal]
baseurl=https://repo.internal.example/el9
gpgcheck=0
EOF
USER nobody
