FROM alpine:3.20
# expect: HD320 @1-11
MAINTAINER Jane Doe <jane@example.com>
# expect: HD320 @1-11
maintainer ops@example.com
