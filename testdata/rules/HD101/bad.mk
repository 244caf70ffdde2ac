# docker run lines in recipes: inline recipes, prefixes, continued lines, engines held in variables
# (the continued lines are in bad.mk.expect: a comment line would end the continuation)
DOCKER ?= docker
ENGINE := podman
SUDO_DOCKER = sudo /usr/bin/docker
IMG = example/agent:2.1

.PHONY: inline prefixed continued variables
# expect: HD101 @29-41
inline: build ; @docker run --privileged -d $(IMG)
# expect: HD101 @27-39
double:: ; -$(DOCKER) run --privileged -d $(IMG)
prefixed:
# expect: HD101 @15-27
	@-docker run --privileged -d $(IMG)
# expect: HD101 @15-27
	+ docker run --privileged -d $(IMG)
continued:
	@docker run -d \
	  --privileged \
	  $(IMG)
inline-continued: ; docker run -d \
	  --privileged $(IMG)
variables:
# expect: HD101 @16-28
	$(DOCKER) run --privileged -d $(IMG)
# expect: HD101 @16-28
	${ENGINE} run --privileged -d $(IMG)
# expect: HD101 @21-33
	$(SUDO_DOCKER) run --privileged -d $(IMG)
