FROM amazon/aws-cli:2.17.0
ARG KEY_ID
ARG SECRET
# expect: HD404 @92-100
RUN aws configure set aws_access_key_id test-id && aws configure set aws_secret_access_key test-key
# expect: HD404 @5-8
RUN aws configure set aws_secret_access_key "$SECRET" --profile ci
# expect: HD404 @5-11
RUN gcloud auth activate-service-account --key-file=/app/sa.json
# expect: HD404 @50-64
RUN az login --service-principal -u "$APP_ID" -p 'Sup3rS3cret!' --tenant example.onmicrosoft.com
# expect: HD404 @24-49
RUN doctl auth init -t dop_v1_abc123def456ghi789
# expect: HD404 @10-24
RUN echo 'hunter2isbad' | docker login -u ci --password-stdin registry.example.com
# expect: HD404 @20-33
RUN docker login -pRegistryPass1 -u ci registry.example.com
# expect: HD404 @10-28
RUN echo 'root:Passw0rd123' | chpasswd
# expect: HD404 @28-39
RUN passwd --stdin app <<< 'ch4ng3d1t'
RUN --mount=type=secret,id=aws,target=/run/secrets/aws \
# expect: HD404 @5-8
    aws configure set aws_secret_access_key "$(cat /run/secrets/aws)"
USER 10001
