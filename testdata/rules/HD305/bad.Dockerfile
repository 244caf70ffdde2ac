FROM debian:12-slim
# expect: HD305 @5-55
RUN curl -fsSL https://get.example.com/install.sh | sh
# expect: HD305 @5-51
RUN curl https://get.example.com/setup | sudo bash -s -- --yes
# expect: HD305 @5-54
RUN wget -qO- https://get.example.com/install.sh | sh
# expect: HD305 @5-56
RUN wget -O - https://get.example.com/install.sh | bash
# expect: HD305 @5-60
RUN wget --output-document=- https://get.example.com/x | sh -e
# expect: HD305 @5-61
RUN sh -c "$(curl -fsSL https://get.example.com/install.sh)"
# expect: HD305 @5-55
RUN bash <(curl -s https://get.example.com/install.sh)
# expect: HD305 @5-61
RUN curl -sSL https://bootstrap.pypa.io/get-pip.py | python3
# expect: HD305 @5-51
RUN curl -fsSL https://get.example.com/x.pl | perl -
# expect: HD305 @5-58
RUN curl -L https://example.com/a.sh | tee /tmp/a.sh | sh
# expect: HD305 @5-53
RUN eval "$(curl -fsSL https://get.example.com/env)"
RUN apt-get update && apt-get install -y --no-install-recommends curl \
# expect: HD305 @8-27:14
    && curl -fsSL https://deb.nodesource.com/setup_20.x \
       | bash - \
    && rm -rf /var/lib/apt/lists/*
# expect: HD305 @13-71
ONBUILD RUN /usr/bin/curl -fsSL https://get.example.com/i.sh | /bin/sh
RUN <<EOF
set -e
curl -fsSL https://get.example.com/install.sh | sh
EOF
# expect: HD305 @19-69
RUN ["sh", "-c", "curl -fsSL https://get.example.com/install.sh | sh"]
USER app
