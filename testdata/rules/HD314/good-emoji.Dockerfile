# Regression: an emoji (two UTF-16 units) before an instruction must not shift its text 🙈
FROM node:22-bookworm-slim
# 😅 😅
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "server.js"]
