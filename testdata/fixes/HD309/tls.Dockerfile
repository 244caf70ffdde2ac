FROM debian:12
RUN curl -fsSLk https://example.com/a -o /a && \
    curl --insecure https://example.com/b -o /b && \
    curl -k \
      https://example.com/c -o /c
RUN wget --no-check-certificate https://example.com/d
RUN pip install --trusted-host=pypi.example.com requests
RUN curl "-k" https://example.com/e
USER 65534
