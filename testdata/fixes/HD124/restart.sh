docker run -d --restart=always nginx:1.27
docker run -d --restart on-failure \
  nginx:1.27
