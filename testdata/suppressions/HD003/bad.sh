#!/bin/sh
# expect: HD003 @18-23
# hardock-ignore HD999: typo
docker run --rm nginx:1.27
