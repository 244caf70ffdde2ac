FROM debian:12-slim
ARG APT_FLAGS="-y --no-install-recommends"
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get --no-install-recommends -y install git && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -qq -y install ca-certificates --no-install-recommends && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -o APT::Install-Recommends=false install -y vim && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --option=APT::Install-Recommends=0 vim && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install $APT_FLAGS jq && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y $UNKNOWN_FLAGS jq && rm -rf /var/lib/apt/lists/*
RUN echo "run apt-get install -y curl later" > /notes.txt
RUN bash -c "apt-get update && apt-get install -y --no-install-recommends curl"
RUN apt-get update && apt-get install --no-install-recommends --yes pkg && apt-get remove -y pkg
RUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*
USER nobody
