# `make run` builds Patchbay, lists the providers of plugins.yaml and runs a first offline sync; `make test` runs
# every test.
.PHONY: deps build run test lint bench

deps:
	scripts/install-deps.sh

build: deps
	swift build
	scripts/build-example-plugins.sh

run: build
	scripts/demo.sh

lint:
	git ls-files -z '*.swift' | xargs -0 swift format lint --strict --parallel
	scripts/check-boundaries.sh
	g++ -x c++ -std=c++17 -Wall -Wextra -pedantic -Werror -fsyntax-only Sources/PatchbayProviderABI/include/patchbay_provider.h
	cc -x c -std=c11 -Wall -Wextra -pedantic -Werror -fsyntax-only Sources/PatchbayProviderABI/include/patchbay_provider.h

test: deps
	swift build
	scripts/build-example-plugins.sh
	swift test
	scripts/browser-tests.sh
