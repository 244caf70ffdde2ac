FROM alpine:3.20
ARG GIT_USER
RUN --mount=type=secret,id=git_password \
    git clone "https://${GIT_USER}:$(cat /run/secrets/git_password)@git.example.com/repo.git"
RUN wget https://user@example.com/public.tar.gz
USER app
