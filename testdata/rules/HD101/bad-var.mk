# a run command kept in a variable is judged where it is assigned, once however often it is used
DOCKER ?= docker
RUN_IN_DOCKER := docker run --rm --privileged golang:1.22
DOCKER_RUN = $(DOCKER) run --rm
UNUSED = docker run --privileged never:1
build:
	$(RUN_IN_DOCKER) go build ./...
	$(RUN_IN_DOCKER) go vet ./...
test:
	$(DOCKER_RUN) --privileged img:1 go test
