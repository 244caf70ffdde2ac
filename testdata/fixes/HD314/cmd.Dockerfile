FROM python:3.12-slim
USER 65534
CMD python3 -m http.server 8000
ENTRYPOINT /usr/local/bin/serve --port=8080
FROM alpine:3.20 AS other
USER 65534
CMD echo "$HOME" && sleep 1
ENTRYPOINT run \
  --quiet
