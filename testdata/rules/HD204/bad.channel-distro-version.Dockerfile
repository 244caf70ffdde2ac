# a version of the base distribution inside a channel tag does not pin the channel: node's LTS moves
# expect: HD204 @6-25
FROM node:lts-alpine3.19 AS a
# expect: HD204 @6-31
FROM nginx:mainline-alpine3.20 AS b
# expect: HD204 @6-38
FROM ghcr.io/acme/api:main-bookworm12 AS c
USER 10001
