FROM debian:12.8-slim
# expect: HD324 @66-70, HD324 @71-86
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates git=1:2.39.5-0+deb12u1
# expect: HD324 @24-29
RUN apk add --no-cache nginx tini=0.19.0-r3 'busybox~1.36'
# expect: HD324 @20-27
RUN dnf install -y python3 openssl-3.0.7 && yum -y install epel-release-9-7.el9
# expect: HD324 @38-41
RUN zypper --non-interactive install vim 'curl>=8.0'
# expect: HD324 @18-30, HD324 @31-47
RUN pip3 install MySQL_python 'alabaster>=0.7' yamllint==1.20.0 'flask~=3.0' 'attrs<24'
# expect: HD324 @27-34
RUN python -m pip install example --index-url https://pypi.example.com/simple
# expect: HD324 @17-70
RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext
# expect: HD324 @26-33, HD324 @44-65
RUN npm install --global express sax@0.1.1 @myorg/privatepackage
# expect: HD324 @11-25
RUN npm i express@latest typescript@5.6.3
# expect: HD324 @48-55
RUN npm install --registry=https://example.com express
# expect: HD324 @17-24
RUN gem install bundler
# expect: HD324 @16-47, HD324 @62-95
RUN go install golang.org/x/tools/gopls@latest && go install github.com/go-delve/delve/cmd/dlv
# hadolint DL3018 "one missed"
RUN apk add --no-cache \
    flex=2.6.4-r1 \
# expect: HD324 @5-11
    libffi \
    libbz2=1.0.6-r5
USER 10001
