# expect: HD004 @18-23
# hardock-ignore HD201: pinned below, the comment is stale
FROM node:22.11-bookworm-slim
RUN npm ci
# expect: HD004 @25-34
# hardock-ignore HD201, user-root: the first one is used
FROM node
USER node
