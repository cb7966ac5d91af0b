# `make run` builds Patchbay, lists the providers of plugins.yaml and runs a first offline sync; `make test` runs
# every test (those that touch data on SQLite and on a throwaway PostgreSQL cluster), then fuzzes the HTTP API with
# schemathesis for about two minutes (SCHEMATHESIS_SECONDS).
.PHONY: deps build run test lint bench

# The suites whose tests touch data: run a second time on PostgreSQL by `make test`.
POSTGRES_SUITES = StorageTests|PatchbayCoreTests|AccessTests|RouteTests|BackgroundSyncTests|CLIWorkflowTests|PostgresCLITests|ScaleOutTests

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
	@# Two test processes: every suite at once holds over 1,300 descriptors (loopback fakes, runners, pipes), and
	@# past that Foundation's Process.run reads beyond its /proc/self/fd buffer and crashes (signal 11;
	@# swift-corelibs-foundation #5472, not in Swift 6.3.1).
	PATCHBAY_TEST_BACKEND=sqlite PATCHBAY_TEST_SKIP_POSTGRES=1 swift test --skip 'HTTPClientTests|IntegrationTests'
	PATCHBAY_TEST_BACKEND=sqlite PATCHBAY_TEST_SKIP_POSTGRES=1 swift test --filter IntegrationTests
	@# The HTTP client's tests hold loopback servers to short deadlines: they run on their own, not beside the
	@# suites that compile plugins and start processes on the same two cores.
	swift test --filter HTTPClientTests
	@# The storage, core, API and CLI tests that touch data run again on PostgreSQL: a throwaway cluster
	@# (scripts/pg-cluster.sh) serves them, PATCHBAY_TEST_DATABASE_URL names it, and it stops afterwards. On their
	@# own, like the HTTP client's: the PostgreSQL server shares the two cores.
	scripts/pg-cluster.sh run env PATCHBAY_TEST_BACKEND=postgres swift test --filter '$(POSTGRES_SUITES)'
	scripts/schemathesis.sh
	scripts/browser-tests.sh
