FROM debian:12 AS build
USER root
RUN apt-get update

FROM debian:12
USER root
RUN useradd app
USER app:app
CMD ["sleep", "infinity"]
