FROM alpine:3.20
# expect: HD403 @13-33
ENV AWS_KEY=AKIAIOSFODNN7EXAMPLE
RUN apk add --no-cache git && \
# expect: HD403 @30-49
    git clone https://deploy:Sup3rS3cretPassw0rd@git.example.com/repo.git
USER app
