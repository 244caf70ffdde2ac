FROM python:3.12-slim
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1
COPY internal-ca.crt /usr/local/share/ca-certificates/internal-ca.crt
RUN update-ca-certificates
RUN curl -fsSL --cacert /usr/local/share/ca-certificates/internal-ca.crt https://internal.example/a -o /tmp/a
RUN curl -fsSL -H "X-Mode: -k" https://internal.example/b -o /tmp/b
RUN curl -fsSL -o k https://internal.example/k
RUN wget https://example.com/file.tgz
RUN pip install --index-url https://pypi.internal.example/simple flask
RUN git -c http.sslVerify=true clone https://git.example/repo.git
RUN git config --global http.sslVerify true
RUN npm config set strict-ssl true
RUN echo "use --insecure only for local tests" && grep sslverify=0 /etc/yum.conf || true
RUN echo sslverify=0
RUN dnf --setopt=sslverify=1 install -y httpd
USER nobody
