# hardock-ignore-file HD301: the base image sets a non-root user
FROM node:22.11-bookworm-slim
# hardock-ignore HD201, user-root: throwaway image for a local demo
FROM alpine
USER root
