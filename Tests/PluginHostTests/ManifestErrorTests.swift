import PluginHost
import Testing

/// A plugins.yaml that is wrong in itself is refused as a whole, with file:line:column and the field.
@Suite struct ManifestErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let error: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown key in an entry",
            yaml: "plugins:\n  - path: a.so\n    pth: b.so\n",
            error: "plugins.yaml:3:5: unknown key 'pth' in a plugin entry; expected one of: "
                + "path, id, enabled, settings, allowed_hosts, budget_share, isolation, sha256, timeouts, limits"
        ),
        Case(
            name: "sha256 is not 64 hex digits",
            yaml: "plugins:\n  - path: a.so\n    sha256: abc123\n",
            error: "plugins.yaml:3:13: `sha256` must be 64 hex digits, found 'abc123'; "
                + "write the output of `sha256sum FILE`"
        ),
        Case(
            name: "unknown top-level key",
            yaml: "plugins: []\nplugin: []\n",
            error: "plugins.yaml:2:1: unknown key 'plugin' in the top level; expected one of: plugins"
        ),
        Case(
            name: "enabled is not a boolean",
            yaml: "plugins:\n  - path: a.so\n    enabled: maybe\n",
            error: "plugins.yaml:3:14: `enabled` must be true or false, found 'maybe'; write true or false"
        ),
        Case(
            name: "settings is a list",
            yaml: "plugins:\n  - path: a.so\n    settings: [a, b]\n",
            error: "plugins.yaml:3:15: `settings` must be a mapping, found a list; write `name: value` lines"
        ),
        Case(
            name: "nested setting value",
            yaml: "plugins:\n  - path: a.so\n    settings:\n      region: {a: 1}\n",
            error: "plugins.yaml:4:15: `settings.region` must be a value or a list, found a mapping; flatten it"
        ),
        Case(
            name: "missing path",
            yaml: "plugins:\n  - id: example\n",
            error: "plugins.yaml:2:5: plugin entry has no `path`; add the path of the provider's .so"
        ),
        Case(
            name: "budget_share above 1",
            yaml: "plugins:\n  - path: a.so\n    budget_share: 1.5\n",
            error: "plugins.yaml:3:19: `budget_share` must be a number in (0, 1], found '1.5'; "
                + "e.g. 0.5 to use half the budget"
        ),
        Case(
            name: "budget_share zero",
            yaml: "plugins:\n  - path: a.so\n    budget_share: 0\n",
            error: "plugins.yaml:3:19: `budget_share` must be a number in (0, 1], found '0'; "
                + "e.g. 0.5 to use half the budget"
        ),
        Case(
            name: "unknown isolation",
            yaml: "plugins:\n  - path: a.so\n    isolation: sandbox\n",
            error: "plugins.yaml:3:16: `isolation` 'sandbox' is unknown; use process or in-process"
        ),
        Case(
            name: "timeout not a number",
            yaml: "plugins:\n  - path: a.so\n    timeouts:\n      validate: soon\n",
            error:
                "plugins.yaml:4:17: `timeouts.validate` must be a number of seconds in (0, 86400], found 'soon'; e.g. 30"
        ),
        Case(
            name: "unknown timeout",
            yaml: "plugins:\n  - path: a.so\n    timeouts:\n      sync: 5\n",
            error: "plugins.yaml:4:7: unknown key 'sync' in `timeouts`; expected one of: load, create, validate, "
                + "counts, list_networks_idle, list_networks_total, grace"
        ),
        Case(
            name: "open files too low",
            yaml: "plugins:\n  - path: a.so\n    limits:\n      open_files: 3\n",
            error: "plugins.yaml:4:19: `limits.open_files` must be a whole number from 16 to 1048576, found '3'; "
                + "e.g. 256"
        ),
        Case(
            name: "plugins is a mapping",
            yaml: "plugins:\n  path: a.so\n",
            error: "plugins.yaml:2:3: `plugins` must be a list of entries; start each entry with `- path: ...`"
        ),
        Case(
            name: "bad id",
            yaml: "plugins:\n  - path: a.so\n    id: Meraki\n",
            error: "plugins.yaml:3:9: `id` 'Meraki' is not [a-z0-9][a-z0-9-]*; use the id the provider reports"
        ),
        Case(
            name: "duplicate key",
            yaml: "plugins:\n  - path: a.so\n    path: b.so\n",
            error: "plugins.yaml:2:5: duplicate key 'path' in one mapping; keep one"
        ),
        Case(
            name: "empty file",
            yaml: "",
            error: "plugins.yaml:1:1: the file is empty; add a `plugins:` list"
        ),
    ]

    @Test(arguments: cases)
    func manifestErrorNamesLineColumnAndField(_ row: Case) {
        #expect(throws: ManifestError.self) {
            try Manifest.parse(yaml: row.yaml, file: "plugins.yaml", baseDirectory: "/etc/patchbay")
        }
        do {
            _ = try Manifest.parse(yaml: row.yaml, file: "plugins.yaml", baseDirectory: "/etc/patchbay")
        } catch {
            #expect(error.description == row.error)
        }
    }

    /// Issue 15 item 7: entries that would silently allow nothing are refused where they are written.
    @Test(arguments: [
        "*", "a b", ":80", "host:", "host:99999", "http://a.example", "*.", "a..b", "-a.example",
    ])
    func allowedHostsThatMatchNothingAreRefusedWithTheAcceptedForms(shown: String) {
        let entry = "\"\(shown)\""
        let yaml = "plugins:\n  - path: a.so\n    allowed_hosts: [ok.example, \(entry)]\n"
        #expect(
            throws: ManifestError(
                file: "plugins.yaml",
                line: 3,
                column: 33,
                message: "`allowed_hosts` entry '\(shown)' is not a host; write host, *.domain or host:port "
                    + "(e.g. api.meraki.com, *.meraki.com, 127.0.0.1:8080)"
            )
        ) {
            try Manifest.parse(yaml: yaml, file: "plugins.yaml", baseDirectory: "/")
        }
    }

    @Test func allowedHostsAcceptTheDocumentedForms() throws {
        let hosts = ["api.meraki.com", "*.meraki.com", "127.0.0.1:8080", "localhost", "fake-1.test:443"]
        let yaml =
            "plugins:\n  - path: a.so\n    allowed_hosts: [\(hosts.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
        let manifest = try Manifest.parse(yaml: yaml, file: "plugins.yaml", baseDirectory: "/")
        #expect(manifest.entries.first?.allowedHosts == hosts)
    }

    @Test func syntaxErrorHasAPosition() throws {
        let error = try #require(throws: ManifestError.self) {
            try Manifest.parse(yaml: "plugins:\n  - path: [a\n", file: "p.yaml", baseDirectory: "/")
        }
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("p.yaml:3:1: not valid YAML ("))
    }

    @Test func missingFileIsUnusable() {
        #expect(
            throws: ManifestError(
                file: "/nonexistent/plugins.yaml",
                message:
                    "cannot read the plugins file (no such file); create it or pass --plugins FILE / set PATCHBAY_PLUGINS"
            )
        ) {
            try Manifest.load(path: "/nonexistent/plugins.yaml")
        }
    }

    @Test func entryFieldsParseWithDefaultsAndRelativePaths() throws {
        let yaml = """
            plugins:
              - path: lib/a.so
                id: a
                settings:
                  base_url: http://127.0.0.1:8080
                  regions: [eu, us]
                  retries: 3
                allowed_hosts: [127.0.0.1:8080]
                budget_share: 0.5
                isolation: in-process
                timeouts:
                  validate: 10
                  list_networks_idle: 0.5
                limits:
                  open_files: 64
              - path: /opt/b.so
                enabled: false
            """
        let manifest = try Manifest.parse(yaml: yaml, file: "plugins.yaml", baseDirectory: "/etc/patchbay")
        var timeouts = PluginTimeouts()
        timeouts.validate = .seconds(10)
        timeouts.listIdle = .milliseconds(500)
        var limits = PluginLimits()
        limits.openFiles = 64
        #expect(
            manifest.entries == [
                ManifestEntry(
                    path: "/etc/patchbay/lib/a.so",
                    id: "a",
                    settings: ["base_url": "http://127.0.0.1:8080", "regions": "eu,us", "retries": "3"],
                    allowedHosts: ["127.0.0.1:8080"],
                    budgetShare: 0.5,
                    isolation: .inProcess,
                    timeouts: timeouts,
                    limits: limits,
                    line: 2
                ),
                // process isolation is the default
                ManifestEntry(path: "/opt/b.so", isEnabled: false, isolation: .process, line: 16),
            ]
        )
    }
}
