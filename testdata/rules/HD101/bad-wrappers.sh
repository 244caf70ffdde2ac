#!/bin/sh
# Commands run through wrappers: the run-line reader skips them with the one wrapper table (model/EffectiveCommand).
# expect: HD101 @23-35
timeout 60 docker run --privileged alpine:3.20 true
# expect: HD101 @31-43
nice -n 5 /usr/bin/docker run --privileged alpine:3.20 true
# expect: HD101 @29-41
ionice -c3 nohup docker run --privileged alpine:3.20 true
# expect: HD101 @50-62
timeout -s KILL 5m sudo -u ci env A=1 docker run --privileged alpine:3.20 true
# expect: HD101 @23-35
stdbuf -oL docker run --privileged alpine:3.20 true
# expect: HD101 @27-39
sudo -u deploy docker run --privileged alpine:3.20 true
# expect: HD101 @24-36
env A=1 B=2 docker run --privileged alpine:3.20 true
# expect: HD101 @23-35
command docker run -d --privileged alpine:3.20 true
