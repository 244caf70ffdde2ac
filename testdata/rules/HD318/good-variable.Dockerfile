FROM python:3.12-slim AS build
ENV GOOGLE_APPLICATION_CREDENTIALS=/build/sa.json
COPY sa.json /build/sa.json
FROM python:3.12-slim
ENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/google-storage-service.json
COPY /src /src
ENV AWS_SHARED_CREDENTIALS_FILE=/run/secrets/aws
COPY app /app
ENV DOCKER_CONFIG=/home/app/.docker
COPY --from=build /build/out /usr/local/bin/
USER 10001
WORKDIR /credentials
COPY notes.json ./
COPY schema.json /credentials/schema.json
ENV KUBECONFIG /etc/in-cluster-config.yaml
COPY --from=build /out /
