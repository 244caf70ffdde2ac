# a branch tag with the commit it was built from is pinned to that build
FROM ghcr.io/acme/api:main-3f2a1bc AS a
FROM ghcr.io/acme/api:master-a1b2c3d4e5f6 AS b
FROM rust:nightly.2024.06.01 AS c
FROM acme/app:beta.3 AS d
USER 10001
