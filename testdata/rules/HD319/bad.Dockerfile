FROM docker:27-cli
ARG DCT=0
# expect: HD319 @5-31
ARG DOCKER_CONTENT_TRUST=false
# expect: HD319 @5-27
ENV DOCKER_CONTENT_TRUST=0
# expect: HD319 @5-30
ENV DOCKER_CONTENT_TRUST=$DCT
# expect: HD319 @5-28
ENV DOCKER_CONTENT_TRUST ""
# expect: HD319 @5-27
RUN DOCKER_CONTENT_TRUST=0 docker pull alpine:3.20
# expect: HD319 @12-38
RUN export DOCKER_CONTENT_TRUST=FALSE && docker pull alpine:3.20
# expect: HD319 @17-39
RUN sudo -E env DOCKER_CONTENT_TRUST=0 docker pull alpine:3.20
# expect: HD319 @9-31
RUN env DOCKER_CONTENT_TRUST=0 docker pull alpine:3.20
