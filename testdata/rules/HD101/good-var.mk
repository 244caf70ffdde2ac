# a variable that is no run command, or a run command without the flag
DOCKER_RUN = docker run --rm --read-only
PRIV = --privileged
test:
	$(DOCKER_RUN) img:1 go test
	echo $(PRIV)
