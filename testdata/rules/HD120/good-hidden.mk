RUN_FLAGS = --memory 1g --cpus 1
# a make variable named like options may hold the limit
run:
	docker run $(RUN_FLAGS) myimage:1
