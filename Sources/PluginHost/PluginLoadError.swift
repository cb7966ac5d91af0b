/// Why one plugin listed in plugins.yaml did not load. The other plugins still load.
package struct PluginLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable {
        case fileNotFound
        /// dlerror() text, without the path it starts with.
        case cannotOpen(String)
        case missingSymbol(String)
        case nullEntry
        case notAProvider(tag: UInt64)
        case incompatibleABI(plugin: UInt32, host: UInt32)
        case descriptorTooSmall(size: UInt32, minimum: Int)
        /// A required field or function pointer is NULL.
        case nullField(String)
        /// A field is present but malformed: `what` says how, `fix` what to do.
        case invalidField(field: String, what: String, fix: String)
        case duplicateID(id: String, otherPath: String)
        case idMismatch(reported: String, expected: String)
        case createFailed(status: ProviderStatus, message: String?)
        /// A setting in plugins.yaml the plugin refused before `create`.
        case invalidSetting(String)
        /// The library is built for another architecture or ELF class: the mismatch, in words.
        case wrongArchitecture(String)
        /// The plugin needs a newer host minor (ABI 1.1 `min_host_minor`).
        case hostTooOld(needs: UInt32, host: UInt32)
        /// `isolation: process` and the runner executable is not where the host looked.
        case runnerMissing(String)
        /// The runner ended or hung while loading the library: what happened, in words.
        case runnerFailed(String)
        /// The file's SHA-256 is not the one plugins.yaml pins.
        case checksumMismatch(pinned: String, actual: String)
        /// In-process loading passed its deadline: the thread running the plugin's code was left behind.
        case abandoned(String)
        case disabled
    }

    package let path: String
    package let reason: Reason

    package init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `<where>: <what went wrong>; <what to do>` on one line, never a secret.
    package var description: String { "\(path): \(detail)" }

    /// The description without the leading path, for tables that print the path in its own column.
    package var detail: String {
        switch reason {
        case .fileNotFound:
            "no such file; build the plugin or fix its `path` in plugins.yaml"
        case .cannotOpen(let detail):
            "cannot load: \(detail); build the plugin for this machine's OS and architecture"
        case .missingSymbol(let name):
            "no '\(name)' symbol; export it from C or build the plugin with ProviderKit"
        case .nullEntry:
            "patchbay_provider_entry returned NULL; return a pointer to a static patchbay_provider"
        case .notAProvider(let tag):
            "does not export a Patchbay provider (product tag \(hex(tag)), expected \(hex(ProviderABI.productTag))); "
                + "build it against patchbay_provider.h or remove it from plugins.yaml"
        case .incompatibleABI(let plugin, let host):
            "built for provider ABI \(plugin).x, this host speaks \(host).x; rebuild against its header"
        case .descriptorTooSmall(let size, let minimum):
            "descriptor struct_size is \(size) bytes, provider ABI 1.0 needs at least \(minimum); "
                + "set struct_size = sizeof(patchbay_provider) and rebuild against its header"
        case .nullField(let field):
            "descriptor field '\(field)' is NULL; set it in the plugin's patchbay_provider"
        case .invalidField(let field, let what, let fix):
            "descriptor field '\(field)' \(what); \(fix)"
        case .duplicateID(let id, let otherPath):
            "provider id '\(id)' is already loaded from \(otherPath); remove one of them from plugins.yaml"
        case .idMismatch(let reported, let expected):
            "the library reports id '\(reported)' but plugins.yaml expects '\(expected)'; "
                + "fix `id` in plugins.yaml or point `path` at the right library"
        case .createFailed(let status, let message) where status == .internal:
            "create failed (\(status)): \(message ?? "no message"); this is a bug in the plugin, report it to its vendor"
        case .createFailed(let status, let message):
            "create failed (\(status)): \(message ?? "no message"); fix the plugin's settings in plugins.yaml"
        case .invalidSetting(let detail):
            detail
        case .wrongArchitecture(let detail):
            "cannot load: the file \(detail); build the plugin for this machine"
        case .hostTooOld(let needs, let host):
            "needs provider ABI 1.\(needs) or newer, this host speaks 1.\(host); upgrade Patchbay or use an older "
                + "build of the plugin"
        case .runnerMissing(let looked):
            "isolation: process needs the plugin runner, not found at \(looked); install patchbay-plugin-runner next "
                + "to the patchbay binary (or set PATCHBAY_PLUGIN_RUNNER), or set isolation: in-process"
        case .runnerFailed(let what), .abandoned(let what):
            what
        case .checksumMismatch(let pinned, let actual):
            "SHA-256 is \(actual) but plugins.yaml pins \(pinned); install the plugin build you pinned, "
                + "or set `sha256: \(actual)` if you trust this file"
        case .disabled:
            "disabled in plugins.yaml (enabled: false); set enabled: true to load it"
        }
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
