FROM node:22-alpine AS base
USER node

FROM base AS final
COPY . /app
CMD ["node", "/app/index.js"]
