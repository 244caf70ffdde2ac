FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
# expect: HD314 @12-38
ENTRYPOINT node server.js --port 8080
# expect: HD314 @5-8:14
CMD npm start -- \
    --verbose
# expect: HD314 @5-22
CMD [node, server.js]
