FROM python:3.12-slim
# expect: HD309 @5-35, HD309 @36-55
ENV NODE_TLS_REJECT_UNAUTHORIZED=0 PYTHONHTTPSVERIFY=0
# expect: HD309 @5-27
ENV GIT_SSL_NO_VERIFY=true
# expect: HD309 @5-43
ARG PIP_TRUSTED_HOST=pypi.internal.example
# expect: HD309 @10-12
RUN curl -k https://internal.example/tool -o /usr/local/bin/tool
# expect: HD309 @10-16
RUN curl -fsSLk https://internal.example/a.tgz | tar -xz
# expect: HD309 @10-20
RUN curl --insecure -fsSL -o /tmp/x https://internal.example/x
# expect: HD309 @10-32
RUN wget --no-check-certificate https://internal.example/b.tgz
# expect: HD309 @17-31
RUN pip install --trusted-host pypi.internal.example -r requirements.txt
# expect: HD309 @18-54
RUN pip3 install --trusted-host=pypi.internal.example flask
# expect: HD309 @28-42
RUN python3 -m pip install --trusted-host pypi.internal.example flask
# expect: HD309 @9-32
RUN git -c http.sslVerify=false clone https://git.internal.example/repo.git
# expect: HD309 @25-45
RUN git config --global http.sslverify false
# expect: HD309 @20-36, HD309 @56-72
RUN npm config set strict-ssl false && yarn config set strict-ssl false
# expect: HD309 @5-35
RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci
# expect: HD309 @12-31
RUN export GIT_SSL_NO_VERIFY=1 && git clone https://git.internal.example/r.git
# expect: HD309 @18-29
RUN dnf --setopt=sslverify=0 install -y httpd
# expect: HD309 @11-22
RUN echo "sslverify=0" >> /etc/yum.conf
# expect: HD309 @40-64
RUN yum-config-manager --save --setopt=internal.sslverify=false
RUN cat > /etc/yum.repos.d/internal.repo <<EOF
[internal]
baseurl=https://repo.internal.example/el9
sslverify=0
EOF
COPY <<EOF /root/.npmrc
strict-ssl=false
EOF
# expect: HD309 @24-26
RUN ["sh", "-c", "curl -k https://internal.example/c | tar -x"]
USER nobody
