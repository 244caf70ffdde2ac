FROM alpine:3.20
# expect: HD403 @13-33
ENV AWS_KEY=AKIAIOSFODNN7EXAMPLE
RUN apk add --no-cache git && \
# expect: HD403 @30-49
    git clone https://deploy:Sup3rS3cretPassw0rd@git.example.com/repo.git
USER app
FROM alpine:3.20 AS vendors
# expect: HD403 @19-88
ENV MAIL_SETTINGS=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
# expect: HD403 @15-94
ENV ALERT_URL=https://hooks.slack.com/services/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
# expect: HD403 @21-55
RUN twilio login -k SK0123456789abcdef0123456789abcdef
# expect: HD403 @27-47, HD403 @91-131
RUN aws configure set key AKIAIOSFODNN7EXAMPLE && aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
# expect: HD403 @18-53
ENV OAUTH_CONFIG=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
