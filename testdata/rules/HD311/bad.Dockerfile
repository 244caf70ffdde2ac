FROM debian:12-slim
# expect: HD311 @23-38
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
# expect: HD311 @23-41
RUN apt-get update && apt-get -y install git && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
# expect: HD311 @8-9:15
    && apt-get -qq -y \
       install \
       ca-certificates \
    && rm -rf /var/lib/apt/lists/*
# expect: HD311 @19-30
RUN apt update && apt install -y jq && rm -rf /var/lib/apt/lists/*
# expect: HD311 @59-74
RUN apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata
# expect: HD311 @23-38
RUN apt-get update && apt-get install -y -o APT::Install-Recommends=true vim
# expect: HD311 @31-46
ONBUILD RUN apt-get update && apt-get install -y make
USER nobody
