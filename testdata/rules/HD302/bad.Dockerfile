FROM debian:12 AS base
RUN useradd app
USER app
# expect: HD302 @6-10
USER root
CMD ["sleep", "infinity"]
