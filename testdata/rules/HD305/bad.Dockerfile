FROM debian:12-slim
RUN curl -fsSL https://get.example.com/install.sh | sh
RUN curl https://get.example.com/setup | sudo bash -s -- --yes
RUN wget -qO- https://get.example.com/install.sh | sh
RUN wget -O - https://get.example.com/install.sh | bash
RUN wget --output-document=- https://get.example.com/x | sh -e
RUN sh -c "$(curl -fsSL https://get.example.com/install.sh)"
RUN bash <(curl -s https://get.example.com/install.sh)
RUN curl -sSL https://bootstrap.pypa.io/get-pip.py | python3
RUN curl -fsSL https://get.example.com/x.pl | perl -
RUN curl -L https://example.com/a.sh | tee /tmp/a.sh | sh
RUN eval "$(curl -fsSL https://get.example.com/env)"
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && curl -fsSL https://deb.nodesource.com/setup_20.x \
       | bash - \
    && rm -rf /var/lib/apt/lists/*
ONBUILD RUN /usr/bin/curl -fsSL https://get.example.com/i.sh | /bin/sh
RUN <<EOF
set -e
curl -fsSL https://get.example.com/install.sh | sh
EOF
RUN ["sh", "-c", "curl -fsSL https://get.example.com/install.sh | sh"]
USER app
