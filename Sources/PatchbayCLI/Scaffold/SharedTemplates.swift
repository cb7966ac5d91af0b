/// The files both skeletons share: the README and a plugins.yaml entry.
enum SharedTemplates {
    enum Language {
        case c
        case swift
    }

    static func pluginsYAML(_ name: ScaffoldName, library: String) -> String {
        """
        # A plugins.yaml for trying the provider with `patchbay plugins list --plugins plugins.yaml`.
        # To ship: copy the library next to Patchbay's plugins.yaml and add this entry there, with the file's
        # `sha256sum` pinned so a different build is refused.
        plugins:
          - path: \(library)
            id: \(name.id)
            # settings:
            #   base_url: https://api.example.com/v1
            # sha256: <output of `sha256sum \(library)`>

        """
    }

    static func readme(_ name: ScaffoldName, language: Language, library: String) -> String {
        let build: String
        let layout: String
        switch language {
        case .c:
            build = """
                make          # builds \(library) with cc -std=c11 -Wall -Wextra -pedantic -Werror
                make test     # starts a fake API on 127.0.0.1 and runs `patchbay plugins check` against it
                """
            layout = """
                - `include/patchbay_provider.h`: the contract, copied from the Patchbay you generated this with.
                - `src/provider.c`: the provider: descriptor, create/destroy, validate, list_networks, free_buffer.
                - `test/fake_server.c`: the fake API (POSIX sockets, 127.0.0.1 only); `test/test_main.c` runs the check.
                """
        case .swift:
            build = """
                swift build   # builds .build/debug/\(library)
                swift test    # unit test, then `patchbay plugins check` on the library against a fake API on 127.0.0.1
                """
            layout = """
                - `Vendor/`: ProviderKit, its JSON writer (JSONText) and patchbay_provider.h, copied from the Patchbay you
                  generated this with.
                - `Sources/\(name.pascal)Provider/`: the provider, a `Provider` from ProviderKit; `Entry.swift` exports it.
                - `Tests/FakeServer/`: the fake API (C, 127.0.0.1 only); `Tests/\(name.pascal)ProviderTests/` uses it.
                """
        }
        return """
            # \(name.display) provider for Patchbay

            A Patchbay provider plugin: a shared library loaded through `patchbay_provider.h` (ABI v1).

            ```sh
            \(build)
            patchbay plugins list --plugins plugins.yaml   # the host loads it
            ```

            \(layout)
            Next: replace the fake API's answers with your API's real shapes (from its documentation), map them in
            the provider, add pagination and, if the API can count cheaply, the `patchbay.counts/1` extension. Keep
            `make test` / `swift test` green: the checker fails on malformed-credential handling, buffer leaks or
            double frees, and pages that are not `{"networks": [...]}`. Patchbay's guide `docs/writing-a-provider.md`
            explains every rule; the Mist (C) and Meraki (Swift) plugins are complete examples.

            """
    }
}
