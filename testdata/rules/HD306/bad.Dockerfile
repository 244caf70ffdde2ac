FROM ubuntu:24.04
# expect: HD306 @5-9, HD306 @28-32
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends git
# expect: HD306 @5-18
RUN /usr/bin/sudo -u app make install
# expect: HD306 @40-44
RUN env DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y --no-install-recommends tzdata
# expect: HD306 @36-40
RUN find /src -name '*.sh' | xargs sudo chmod +x
# expect: HD306 @13-17
ONBUILD RUN sudo pip install -r requirements.txt
# expect: HD306 @13-17
RUN echo "$(sudo cat /etc/shadow)" > /dev/null
USER app
