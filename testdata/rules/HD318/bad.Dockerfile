FROM node:22-bookworm-slim
ARG KEY_FILE=deploy/id_ed25519
WORKDIR /app
# expect: HD318 @6-12
COPY id_rsa /root/.ssh/id_rsa
# expect: HD318 @19-25
COPY package.json .npmrc ./
# expect: HD318 @5-21
ADD certs/server.key certs/server.crt /etc/ssl/private/
# expect: HD318 @6-21
COPY .env.production /app/.env
# expect: HD318 @6-17
COPY config/.env ./
# expect: HD318 @7-30
COPY ["home/.aws/credentials", "/root/.aws/credentials"]
# expect: HD318 @24-46
COPY --chown=node:node ci/.docker/config.json /home/node/.docker/config.json
# expect: HD318 @6-22, HD318 @23-29, HD318 @30-37
COPY .git-credentials .netrc .pypirc /root/
# expect: HD318 @6-16
COPY keys/*.pem /etc/keys/
# expect: HD318 @6-11
COPY .env* ./
# expect: HD318 @6-17
COPY ${KEY_FILE} /root/.ssh/
# expect: HD318 @6-10
COPY .ssh /root/.ssh
# expect: HD318 @6-21
COPY tls/privkey.pem /etc/tls/
