FROM node:22-bookworm-slim AS app
WORKDIR /app
ENTRYPOINT ["node", "server.js"]
CMD ["--port", "8080"]

FROM node:22-bookworm-slim AS wrapped
CMD exec node server.js

FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
SHELL ["powershell", "-Command"]
CMD Write-Host hello

FROM win AS win-child
ENTRYPOINT Start-Service w3svc
