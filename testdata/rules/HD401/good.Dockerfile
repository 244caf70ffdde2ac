FROM alpine:3.20
ENV DB_PASSWORD_FILE=/run/secrets/db_password
ENV API_TOKEN=${API_TOKEN}
ENV PASSWORD=
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV PASSWORD_MIN_LENGTH=12
USER app
FROM alpine:3.20 AS build
ARG GH
ENV GITHUB_TOKEN=${GH}
FROM alpine:3.20
ENV NPM_TOKEN=$NPM_AUTH
ARG VERSION
ENV TOKEN_URL=https://example.com/$VERSION
USER app
# a credential-file variable holds a path, relative ones too (Trivy DS-0031's own examples)
ENV GOOGLE_APPLICATION_CREDENTIALS ./app/google-storage-service.json
ENV GOOGLE_APPLICATION_CREDENTIALS="./news-extraction.json" SSL_PRIVATE_KEY=certs/server.key
