FROM debian:12-slim
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
    && echo "4f2c0a1e9d  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh
RUN curl -fsSL -O https://example.com/x.sh && sh x.sh
RUN wget -q https://example.com/install.sh | sh
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
RUN curl -fsSL https://example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg
RUN curl -fsSL https://example.com/list | sh -c 'cat > /etc/list'
RUN curl -fsSL https://example.com/data.json | python3 /opt/parse.py
RUN curl -fsSL https://example.com/urls | xargs sh
RUN bash -c "echo curl https://example.com | sh"
RUN wget -O /tmp/x.sh https://example.com/x.sh && bash /tmp/x.sh
USER app
