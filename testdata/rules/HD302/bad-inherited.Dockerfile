ARG RUN_AS=0:0
FROM debian:12 AS base
ARG RUN_AS
# expect: HD302 @6-15
USER ${RUN_AS}

FROM base
CMD ["sleep", "infinity"]
