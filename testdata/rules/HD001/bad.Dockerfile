FROM alpine:3.20
# expect: HD001 @1-6
BOGUS foo
# expect: HD001 @5-9
ENV PATH
RUN echo still linted after errors
# expect: HD001 @5-29
CMD [ "echo", [ "nested" ] ]
# expect: HD001 @1-12
HEALTHCHECK
