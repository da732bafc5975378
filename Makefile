# Shortcuts for dev.py, which works without make on a fresh clone.
.PHONY: serve build test bench reader
serve:
	python3 dev.py serve
build:
	python3 dev.py build
test:
	python3 dev.py test
bench:
	python3 dev.py bench
reader:
	python3 dev.py reader
