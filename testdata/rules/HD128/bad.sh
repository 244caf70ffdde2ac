#!/bin/sh
# expect: HD128 @12-35
docker run --cgroup-parent /custom -d nginx:1.27
# expect: HD128 @12-41
docker run --cgroup-parent=machine.slice -d nginx:1.27
