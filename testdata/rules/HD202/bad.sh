#!/bin/sh
# expect: HD202 @15-25
docker run -d nginx:1.27
# expect: HD202 @31-37
docker run --rm --read-only   alpine true
