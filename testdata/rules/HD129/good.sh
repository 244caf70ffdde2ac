#!/bin/sh
docker network create app
docker run --network app -d wordpress:6.6
