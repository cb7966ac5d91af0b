import ArgumentParser
import Foundation
import PatchbayCore
import Storage

/// Where the embedded database lives and who is calling: shared by every command that touches data.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: "Data directory (else $PATCHBAY_DATA_DIR, else ~/.local/share/patchbay)."
    )
    var dataDirectory: String?

    @Option(name: .customLong("token-file"), help: "File holding your API token (used when $PATCHBAY_TOKEN is unset).")
    var tokenFile: String?

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "PostgreSQL database shared by several instances, postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…] (else $PATCHBAY_DATABASE_URL, else SQLite in the data directory).",
            valueName: "URL"
        )
    )
    var database: String?

    @Option(
        name: .customLong("master-key-file"),
        help: "File holding the master key, mode 0600 (used when $PATCHBAY_MASTER_KEY is unset)."
    )
    var masterKeyFile: String?

    /// `--database`, else `$PATCHBAY_DATABASE_URL`, else nil (SQLite in the data directory). A URL that does not
    /// parse is a configuration error (exit 78) naming what is wrong, never the password.
    func resolvedDatabase(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL? {
        let text = database ?? environment["PATCHBAY_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text else { return nil }
        do {
            return try DatabaseURL(parsing: text)
        } catch {
            let origin = database == nil ? "PATCHBAY_DATABASE_URL" : "--database"
            throw CLIError("\(origin): \(error.description)", exitCode: 78)
        }
    }

    /// `--data-dir`, else `$PATCHBAY_DATA_DIR`, else `$XDG_DATA_HOME/patchbay`, else `~/.local/share/patchbay`.
    func resolvedDataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dataDirectory { return dataDirectory }
        if let fromEnvironment = environment["PATCHBAY_DATA_DIR"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/patchbay" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/patchbay"
    }

    /// `$PATCHBAY_TOKEN`, else the contents of `--token-file`.
    func token(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let token = environment["PATCHBAY_TOKEN"], !token.isEmpty { return token }
        guard let tokenFile else {
            throw CLIError(
                "no API token: set PATCHBAY_TOKEN or pass --token-file FILE (`patchbay init` prints the first one)"
            )
        }
        guard let contents = FileManager.default.contents(atPath: tokenFile) else {
            throw CLIError("\(tokenFile): cannot read the token file; check the path and its permissions")
        }
        let token = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw CLIError("\(tokenFile): the token file is empty") }
        return token
    }
}

/// A usage or input problem found by the CLI itself; exits 64 like ArgumentParser's own usage errors.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    let exitCode: Int32

    init(_ description: String, exitCode: Int32 = 64) {
        self.description = description
        self.exitCode = exitCode
    }

    /// The API's error code for this exit code, for `--json` output.
    var code: ServiceError.Code {
        switch exitCode {
        case 66: .notFound
        case 69: .unavailable
        case 75: .conflict
        case 77: .permissionDenied
        case 78: .failedPrecondition
        case 64, 65: .invalidArgument
        default: .internal
        }
    }
}
