/// `plugins new NAME --lang c`: a provider in C11 against the copied header, a Makefile, and a test that runs
/// `patchbay plugins check` against a loopback fake.
enum CScaffold {
    static func make(_ name: ScaffoldName, patchbay: String) -> Scaffold {
        let library = "libpatchbay_\(name.snake).so"
        let files: [Scaffold.File] = [
            .init(path: "include/\(ProviderHeader.fileName)", contents: ProviderHeader.text),
            .init(path: "src/provider.c", contents: provider(name)),
            .init(path: "test/fake_server.h", contents: FakeServerTemplate.header),
            .init(path: "test/fake_server.c", contents: FakeServerTemplate.source),
            .init(path: "test/test_main.c", contents: testMain),
            .init(path: "test/credentials.json", contents: "{\"api_key\": \"test-key\"}\n"),
            .init(path: "Makefile", contents: makefile(name, library: library, patchbay: patchbay)),
            .init(path: "plugins.yaml", contents: SharedTemplates.pluginsYAML(name, library: library)),
            .init(path: ".gitignore", contents: "/build/\n*.so\n"),
            .init(path: "README.md", contents: SharedTemplates.readme(name, language: .c, library: library)),
        ]
        return Scaffold(files: files, testCommand: "make test")
    }

    private static func makefile(_ name: ScaffoldName, library: String, patchbay: String) -> String {
        """
        # Builds the \(name.id) provider with the system C compiler, from include/patchbay_provider.h alone.
        #   make        builds \(library)
        #   make test   also builds test/ and runs `patchbay plugins check` against a fake API on 127.0.0.1
        PATCHBAY ?= \(patchbay)
        CC ?= cc
        CFLAGS ?= -std=c11 -Wall -Wextra -pedantic -Werror -O2
        LIBRARY = \(library)

        .PHONY: all test clean

        all: $(LIBRARY)

        $(LIBRARY): src/provider.c include/patchbay_provider.h
        \t$(CC) $(CFLAGS) -shared -fPIC -Iinclude -o $@ src/provider.c

        build/test_main: test/test_main.c test/fake_server.c test/fake_server.h
        \tmkdir -p build
        \t$(CC) $(CFLAGS) -o $@ test/test_main.c test/fake_server.c -lpthread

        test: $(LIBRARY) build/test_main
        \t./build/test_main "$(PATCHBAY)" ./$(LIBRARY)

        clean:
        \trm -rf build $(LIBRARY)

        """
    }

    private static let testMain = #"""
        // test_main.c: starts the fake API on 127.0.0.1, then runs `patchbay plugins check` on the built library
        // with the fake's URL as base_url and test/credentials.json. Exits with the checker's status.
        #define _POSIX_C_SOURCE 200809L
        #include "fake_server.h"

        #include <stdio.h>
        #include <stdlib.h>
        #include <sys/wait.h>

        int main(int argc, char **argv) {
            if (argc != 3) {
                fprintf(stderr, "usage: %s PATCHBAY LIBRARY\n", argv[0]);
                return 64;
            }
            int port = fake_server_start();
            if (port < 0) {
                fprintf(stderr, "test: the fake API cannot listen on 127.0.0.1\n");
                return 1;
            }
            char command[4096];
            snprintf(command, sizeof command,
                     "'%s' plugins check '%s' --settings '{\"base_url\": \"http://127.0.0.1:%d\"}' "
                     "--credentials-file test/credentials.json",
                     argv[1], argv[2], port);
            int status = system(command);
            if (status == -1 || !WIFEXITED(status)) {
                fprintf(stderr, "test: could not run %s; set PATCHBAY=/path/to/patchbay\n", argv[1]);
                return 1;
            }
            return WEXITSTATUS(status);
        }

        """#
}
