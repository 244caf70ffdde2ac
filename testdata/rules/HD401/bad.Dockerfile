FROM alpine:3.20
# expect: HD401 @5-31
ENV DB_PASSWORD=s3cr3tpassw0rd
# expect: HD401 @5-29
ENV API_TOKEN "abc123def456"
ENV PORT=8080 \
# expect: HD401 @5-45
    GITHUB_CLIENT_SECRET='very secret value'
USER app
FROM alpine:3.20 AS base
ARG NPM_AUTH
FROM base
ARG GH
# expect: HD401 @5-23
ENV GITHUB_TOKEN=${GH} \
    NODE_ENV=production \
# expect: HD401 @5-24
    NPM_TOKEN=$NPM_AUTH
# expect: HD401 @5-24
ENV MY_PWORD=hunter2xyz
