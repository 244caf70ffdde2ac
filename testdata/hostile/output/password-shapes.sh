#!/bin/sh
docker login -pHostilePw8 registry.example.com && docker run --privileged app:1
docker login -u me -p"HostilePw9" registry.example.com && docker run --privileged app:1
curl -sSfu admin:HostilePwA https://example.com/x -o /tmp/x && docker run --privileged app:1
curl -Lu admin:HostilePwB https://example.com/x -o /tmp/x && docker run --privileged app:1
curl -H "Authorization: Bearer HostilePwC" https://example.com/x && docker run --privileged app:1
curl -H 'Authorization: Basic HostilePwD' https://example.com/x && docker run --privileged app:1
docker run --privileged --env=DB_PASSWORD=HostilePwI app:1
docker run --privileged --mount=type=secret,id=x,env=API_TOKEN=HostilePwJ app:1
echo -n "HostilePwK" | docker login -u me --password-stdin registry.example.com && docker run --privileged app:1
mysql -uroot -pHostilePwL -e 'select 1' && sshpass -p HostilePwM ssh host && docker run --privileged app:1
docker run --privileged redis:7 redis-server --requirepass HostilePwN --masterauth HostilePwO
