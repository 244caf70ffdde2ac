docker run --cap-add=SYS_ADMIN --rm busybox:1 true
