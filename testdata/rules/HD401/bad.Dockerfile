FROM alpine:3.20
# expect: HD401 @5-31
ENV DB_PASSWORD=s3cr3tpassw0rd
# expect: HD401 @5-29
ENV API_TOKEN "abc123def456"
ENV PORT=8080 \
# expect: HD401 @5-45
    GITHUB_CLIENT_SECRET='very secret value'
USER app
