FROM amazon/aws-cli:2.17.0
RUN --mount=type=secret,id=aws-key-id,env=AWS_ACCESS_KEY_ID \
    --mount=type=secret,id=aws-secret-key,env=AWS_SECRET_ACCESS_KEY \
    aws s3 cp s3://bucket/file /file
RUN --mount=type=secret,id=aws \
    aws configure set aws_secret_access_key "$(cat /run/secrets/aws)" && aws s3 ls && rm -rf /root/.aws
RUN --mount=type=secret,id=gcp,target=/run/secrets/gcp.json \
    gcloud auth activate-service-account --key-file=/run/secrets/gcp.json && gsutil cp gs://b/x /x && rm -rf ~/.config/gcloud
RUN aws configure set region eu-west-1
RUN --mount=type=secret,id=pw cat /run/secrets/pw | docker login -u ci --password-stdin r.example.com && rm -f ~/.docker/config.json
RUN echo 'app:*' | chpasswd -e
RUN passwd -d app
RUN docker logout
USER 10001
RUN echo 'root:<REPLACE THIS WITH DEFAULT ROOT PASSWORD>' | chpasswd
RUN P="$(dd if=/dev/random bs=1 count=8 2>/dev/null | base64)" ; echo "root:$P" | chpasswd
