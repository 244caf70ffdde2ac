#!/bin/sh
docker run -d --name cache redis:7
