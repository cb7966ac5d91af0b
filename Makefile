# `make run` builds Patchbay, lists the providers of plugins.yaml and runs a first offline sync; `make test` runs
# every test (those that touch data on SQLite and on a throwaway PostgreSQL cluster), then fuzzes the HTTP API with
# schemathesis for about two minutes (SCHEMATHESIS_SECONDS).
.PHONY: deps build run test lint bench

deps:
	scripts/install-deps.sh

build: deps
	swift build
	scripts/build-runner.sh
	scripts/build-example-plugins.sh

run: build
	scripts/demo.sh

lint:
	git ls-files -z '*.swift' | xargs -0 swift format lint --strict --parallel
	scripts/check-boundaries.sh
	g++ -x c++ -std=c++17 -Wall -Wextra -pedantic -Werror -fsyntax-only Sources/PatchbayProviderABI/include/patchbay_provider.h
	cc -x c -std=c11 -Wall -Wextra -pedantic -Werror -fsyntax-only Sources/PatchbayProviderABI/include/patchbay_provider.h
	cc -std=gnu11 -Wall -Wextra -Werror -fsyntax-only -I Sources/PatchbayProviderABI/include Runner/*.c

test: deps
	swift build
	scripts/build-runner.sh
	scripts/build-example-plugins.sh
	@# The storage, core, API and CLI tests that touch data run against SQLite and against PostgreSQL: a throwaway
	@# cluster (scripts/pg-cluster.sh) serves them, PATCHBAY_TEST_DATABASE_URL names it, and it stops afterwards.
	scripts/pg-cluster.sh run swift test --skip HTTPClientTests
	@# The HTTP client's tests hold loopback servers to short deadlines: they run on their own, not beside the
	@# suites that compile plugins and start processes on the same two cores.
	swift test --filter HTTPClientTests
	scripts/schemathesis.sh
	scripts/browser-tests.sh
