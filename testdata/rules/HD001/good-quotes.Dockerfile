FROM debian:12-slim
RUN echo "it's fine" && echo 'say "hi"' && echo don\'t && echo "a \"quoted\" \\ word"
RUN echo $'it\'s' "${NAME:-it's}" && echo ok # don't mind this comment
RUN echo "one \
    two" && echo 'three \
    four'
RUN apt-get update \
# don't forget the lists
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<EOF
print("it's")
EOF
RUN <<EOF
#!/usr/bin/env python3
print('it"s')
EOF
RUN cat <<EOF > /etc/motd
it's a "container
EOF
COPY <<EOF /etc/note
don't
EOF
RUN ["/bin/sh", "-c", "echo \"it's\" 'a \"b\"'"]
RUN sh -c 'echo "it'\''s"' && bash -c "echo \"it's\""
RUN sh -c "echo $QUOTE'" && sh -c "echo $(printf '%s' "'")'"
RUN sh <<EOF
echo $QUOTE'
EOF
USER nobody

FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
RUN echo it's done

FROM debian:12-slim
SHELL ["cmd", "/S", "/C"]
RUN echo it's done
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "it's fine"
USER nobody
