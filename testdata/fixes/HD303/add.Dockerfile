FROM alpine:3.20
ADD app.conf /etc/app/app.conf
add --chown=65534:65534 --chmod=0644 static/ /srv/static/
ADD rootfs.tar.gz /
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d notes.txt /notes.txt
ADD https://example.com/a.txt b.txt /data/
ADD release.zip /opt/
USER 65534
