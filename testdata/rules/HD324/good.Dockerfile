FROM debian:12.8-slim
ARG PKGS
RUN apt-get install -y curl=7.88.1-10+deb12u8 "libssl3=3.0.*" ./local.deb $PKGS
RUN apt-get update && apt-get upgrade -y
RUN apk add --no-cache nginx=1.26.2-r0 'curl>8' ./pkg.apk --virtual build-deps
RUN dnf install -y python3-3.11.5 @nodejs:20 /tmp/x.rpm
RUN zypper install vim=9.0 'curl<9'
RUN pip install -r requirements.txt && pip install --requirement requirements.txt
RUN pip install pykafka --constraint constraints.txt && pip install pykafka -c http://foo.bar.baz
RUN pip install --require-hashes flask
RUN pip install . mypkg.whl mypkg.tar.gz ./src git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext
RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0 && pip download flask
RUN npm install && npm install --progress=false && npm ci && npm run --crazy install
RUN npm install express@4.1.1 @myorg/privatepackage@">=0.1.0 <0.2.0" ./folder ~/folder package-v1.2.3.tgz
RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27 --loglevel verbose sax@0.1.1
RUN gem install bundler -v 2.5.23 && gem install rails:7.2.1 && gem install ./local.gem && gem install -g Gemfile
RUN go install golang.org/x/tools/gopls@v0.16.2 ./cmd/server && go install cmd/vet && go build ./...
# KICS apt_get_install_pin_version_not_defined negative3; hadolint DL3018's negative cases
RUN apt-get install python=2.7 ; echo "A" && echo "B"
RUN apk add --no-cache git~2.52.0 flex=2.6.4-r1 mypackage-1.1.1.apk
RUN apk add --no-cache \
    --repository https://nl.alpinelinux.org/alpine/edge/testing \
    flow=0.78.0-r0 && apk add -X https://nl.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0
RUN apk add \
    --virtual build-dependencies \
    python-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \
    && pip install -r requirements.txt \
    && apk del build-dependencies
USER 10001
