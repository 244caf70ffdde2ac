FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends sudo \
    && rm -rf /var/lib/apt/lists/*
RUN echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers.d/app
RUN dpkg -l | grep sudo
RUN find / -xdev -name sudo -delete
RUN command -v sudo
RUN yum install -y sudo
USER app
