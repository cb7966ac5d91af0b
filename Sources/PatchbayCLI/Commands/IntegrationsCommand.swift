import ArgumentParser
import Foundation
import PatchbayCore
import PatchbayServer

/// `patchbay integrations create|list|delete`.
struct IntegrationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrations",
        abstract: "Connect a workspace to provider accounts.",
        subcommands: [Create.self, List.self, Update.self, Delete.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a provider account: credentials are validated with the provider, then encrypted."
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var plugins: PluginFileOptions
        @Option(help: "Workspace id or name.") var workspace: String
        @Option(help: "Provider id (see `patchbay plugins list`).") var provider: String
        @Option(help: "A name for the integration, unique in the workspace.") var name: String
        @Option(help: "File holding the credentials as a JSON object, or - for stdin. Prompts when omitted.")
        var credentialsFile: String?
        @Option(name: .customLong("setting"), help: "A provider setting KEY=VALUE (repeatable), e.g. base_url=…")
        var settings: [String] = []
        @Flag(help: "Store without checking the credentials with the provider.") var noValidate = false
        @Option(help: "Sync on a schedule: 90s, 15m, 2h (needs `patchbay serve` or `patchbay worker` running).")
        var syncEvery: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors(json: json) {
                let interval = try syncEvery.flatMap { try SyncInterval.parse($0) }
                let runtime = try Runtime(data: data, plugins: plugins)
                let caller = try runtime.caller()
                let fields = runtime.context.providers.provider(id: provider)?.credentialFields ?? []
                let credentials = try CredentialsInput.read(file: credentialsFile, fields: fields, providerID: provider)
                let integration = try await IntegrationService(context: runtime.context).create(
                    caller,
                    workspace: workspace,
                    provider: provider,
                    name: name,
                    credentials: credentials,
                    settings: try Self.parseSettings(settings),
                    validate: !noValidate,
                    syncIntervalSeconds: interval
                )
                if json { return JSONOutput.print { $0.integration(integration) } }
                say("Created integration \(integration.id) '\(integration.name)' (\(integration.provider)).")
            }
        }

        static func parseSettings(_ pairs: [String]) throws -> [String: String] {
            var settings: [String: String] = [:]
            for pair in pairs {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw CLIError("--setting \(pair): expected KEY=VALUE")
                }
                settings[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            return settings
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a workspace's integrations with live network and access point counts."
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var plugins: PluginFileOptions
        @Option(help: "Workspace id or name.") var workspace: String
        @Flag(help: "Ask the providers again instead of using counts cached in the last minute.") var refresh = false
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors(json: json) {
                let runtime = try Runtime(data: data, plugins: plugins)
                let integrations = try await IntegrationService(context: runtime.context)
                    .list(try runtime.caller(), workspace: workspace, refresh: refresh)
                if json { return JSONOutput.printLines(integrations) { $0.integration($1) } }
                var table = TextTable(headers: [
                    "ID", "NAME", "PROVIDER", "NETWORKS", "ACCESS POINTS", "LAST SYNC", "SYNC EVERY", "NOTE",
                ])
                table.rows = integrations.map { integration in
                    [
                        "\(integration.id)", integration.name, integration.provider,
                        integration.counts.map { "\($0.networks)" } ?? "-",
                        integration.counts.map { "\($0.accessPoints)" } ?? "-",
                        integration.lastSync?.status ?? "never",
                        integration.syncIntervalSeconds.map { "\($0)s" } ?? "manual",
                        integration.countsError ?? integration.countsAgeSeconds.map {
                            $0 > 0 ? "counts \($0)s old" : ""
                        }
                            ?? "",
                    ]
                }
                print(table.render())
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename an integration, change its settings or its sync interval."
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var plugins: PluginFileOptions
        @Argument(help: "The integration's id.") var id: Int64
        @Option(help: "A new name, unique in the workspace.") var name: String?
        @Option(help: "Sync on a schedule: 90s, 15m, 2h; or off.") var syncEvery: String?
        @Option(name: .customLong("setting"), help: "A provider setting KEY=VALUE (repeatable); KEY= removes it.")
        var settings: [String] = []
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                var changes = IntegrationChanges(name: name)
                if let syncEvery {
                    changes.syncInterval =
                        try SyncInterval.parse(syncEvery, allowsOff: true).map { .every(seconds: $0) }
                        ?? .off
                }
                if !settings.isEmpty { changes.settings = try Create.parseSettings(settings) }
                guard changes != IntegrationChanges() else {
                    throw CLIError(
                        "integrations update \(id): nothing to change; pass --name, --sync-every or --setting"
                    )
                }
                let runtime = try Runtime(data: data, plugins: changes.settings == nil ? nil : plugins)
                let integration = try await IntegrationService(context: runtime.context)
                    .update(try runtime.caller(), id: id, changes)
                if json { return JSONOutput.print { $0.integration(integration) } }
                let schedule = integration.syncIntervalSeconds.map { "syncs every \($0) s" } ?? "syncs when asked"
                print("Updated integration \(integration.id) '\(integration.name)' (\(schedule)).")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete an integration with its credentials, networks and sync history."
        )

        @OptionGroup var data: DataOptions
        @Argument(help: "The integration's id.") var id: Int64
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors(json: json) {
                let runtime = try Runtime(data: data, plugins: nil)
                try await IntegrationService(context: runtime.context).delete(try runtime.caller(), id: id)
                if json { return try JSONOutput.print(["deleted": id]) }
                say("Deleted integration \(id) with its credentials, networks and sync history.")
            }
        }
    }
}
