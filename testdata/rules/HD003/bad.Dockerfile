FROM node:22.11-bookworm-slim
# expect: HD003 @18-23
# hardock-ignore HD999: a typo in the id
RUN npm ci
# expect: HD003 @3-47
# hardock-ignore latest-tag because of reasons
FROM alpine
# expect: HD003 @25-35
# hardock-ignore HD201, nosuchrule: mixed
FROM alpine
# expect: HD003 @3-17
# hardock-ignore
USER node
