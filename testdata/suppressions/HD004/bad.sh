#!/bin/sh
# expect: HD004 @18-23
# hardock-ignore HD201: the tag was pinned since
docker run --rm nginx:1.27
# hardock-ignore HD201: demo of the newest image
docker run --rm nginx
