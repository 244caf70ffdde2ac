#!/bin/sh
# command strings run by a shell hold docker run lines too
sudo bash -c "docker run -d --privileged nginx:1.27"
sh -c 'docker run -d \
  --privileged alpine:3.20'
ssh host "echo not a shell we read"
