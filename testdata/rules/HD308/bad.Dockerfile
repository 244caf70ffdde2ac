FROM debian:bookworm-slim
ARG SSH_PORT=22
ENV ADMIN_PORT=${SSH_PORT}
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
# expect: HD308 @8-10
EXPOSE 22
# expect: HD308 @11-17
EXPOSE 80 22/tcp 443
# expect: HD308 @8-13
EXPOSE 20-25
# expect: HD308 @8-19
EXPOSE $ADMIN_PORT
# expect: HD308 @8-23
EXPOSE ${SSH_PORT}/TCP
CMD ["/usr/sbin/sshd", "-D"]
