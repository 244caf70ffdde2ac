FROM node:22-slim
ARG CONFIG=app.conf
# expect: HD303 @5-17
ADD package.json package-lock.json /app/
# expect: HD303 @5-6
ADD . /app
# expect: HD303 @23-27
ADD --chown=node:node src/ /app/src/
# expect: HD303 @5-14
ADD ${CONFIG} /etc/app/
# expect: HD303 @5-16
ADD release.zip /opt/
# expect: HD303 @19-28
ADD vendor.tar.gz README.md /opt/vendor/
# expect: HD303 @5-10
ADD <<EOF /etc/motd
Welcome
EOF
# expect: HD303 @13-19
ONBUILD ADD app.js /app/
USER node
