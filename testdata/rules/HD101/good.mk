# no container starts here: a variable assignment and a target-specific variable are no recipes,
# a variable the Makefile never sets to an engine stays unknown, and $$ is a shell $
RUN_CMD = docker: run --privileged x ; docker run --privileged x
run: OPTS = --privileged ; docker run --privileged x
TOOL = docker-compose
TOOL2 ?= docker
TOOL2 = $(shell command -v podman)
check:
	$(TOOL) run --privileged x
	$(TOOL2) run --privileged x
	$(UNSET) run --privileged x
	echo "$$(docker) run --privileged x"
	docker run --read-only x
