# docker run behind wrappers in recipes: the run-line reader skips them with model/EffectiveCommand's table
IMG = example/agent:2.1

.PHONY: wrapped
wrapped:
# expect: HD101 @24-36
	timeout 60 docker run --privileged $(IMG)
# expect: HD101 @23-35
	nice -n 5 docker run --privileged $(IMG)
# expect: HD101 @24-36
	ionice -c3 docker run --privileged $(IMG)
# expect: HD101 @23-35
	sudo -u x docker run --privileged $(IMG)
# expect: HD101 @21-33
	env A=1 docker run --privileged $(IMG)
# expect: HD101 @22-34
	@command docker run --privileged $(IMG)
