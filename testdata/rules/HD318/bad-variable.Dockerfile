FROM python:3.12-slim AS base
WORKDIR /app
ENV GOOGLE_APPLICATION_CREDENTIALS=/app/sa.json
# expect: HD318 @14-26
COPY sa.json /app/sa.json
FROM base
ARG KUBE=/home/app/.kube/cluster.yaml
ENV KUBECONFIG=/etc/kube/default:${KUBE}
# expect: HD318 @26-42
COPY deploy/cluster.yaml /home/app/.kube/
# expect: HD318 @15-31
COPY ./config $AWS_CONFIG_FILE
# expect: HD318 @17-19
COPY creds.json ./
ENV HF_TOKEN_PATH=./creds.json
# expect: HD318 @8-9
COPY . .
USER 10001
