FROM debian:12
RUN apt-get update && \
    apt-get install -y curl ca-certificates && \
    rm -rf /var/lib/apt/lists/*
RUN ["apt-get", "install", "-y", "git"]
RUN apt install -y "jq"
USER 65534
