FROM alpine:3.20 AS base
# expect: HD323 @6-12
USER nobody
FROM base
RUN true
