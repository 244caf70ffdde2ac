FROM node:22-bookworm-slim
ARG CONFIG
WORKDIR /app
COPY package.json package-lock.json ./
COPY .env.example .env.sample ./
COPY .envrc .environment ./
COPY id_rsa.pub /root/.ssh/authorized_keys
COPY certs/ca.pem certs/fullchain.pem certs/server-cert.pem /etc/ssl/certs/
COPY nodesource.gpg.key public.key /etc/apt/keyrings/
COPY *.json ./
COPY * ./
COPY ${CONFIG} ./
COPY .ssh/known_hosts /root/.ssh/known_hosts
COPY <<EOF /app/.env
NODE_ENV=production
EOF
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
