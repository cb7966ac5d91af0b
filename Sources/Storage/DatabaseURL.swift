package import Foundation

/// A PostgreSQL database named by URL (issue 12): `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]`, or over a
/// unix socket, `postgres:///DB?host=/run/postgresql` or `postgres://USER@%2Frun%2Fpostgresql/DB`. The password is
/// kept, but never shown: `redacted` is the only spelling of the URL any message uses.
package struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    package enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case socket(directory: String, port: Int)
    }

    package enum SSLMode: String, Sendable, Equatable, CaseIterable {
        /// Never TLS (a loopback or a private network).
        case disable
        /// TLS when the server offers it (the default, as libpq's).
        case prefer
        /// TLS, without checking the server's certificate.
        case require
        /// TLS, with the certificate checked against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    package var endpoint: Endpoint
    package var user: String
    package var password: String?
    package var database: String
    package var sslMode: SSLMode

    /// The URL with the password replaced by `***`: for every message, log line and error.
    package var redacted: String {
        let credentials = password == nil ? user : user + ":***"
        switch endpoint {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(credentials)@\(shownHost):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
        case .socket(let directory, let port):
            return "postgres://\(credentials)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    package var description: String { redacted }

    /// The URL WITH its password: only for handing the database to another process (an environment variable of a
    /// child), never for a message or a log line.
    package var urlText: String {
        let allowed = CharacterSet.urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/"))
        let user = self.user.addingPercentEncoding(withAllowedCharacters: allowed) ?? self.user
        let password = self.password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0) }
        let credentials = user + (password ?? "")
        switch endpoint {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(credentials)@\(shownHost):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
        case .socket(let directory, let port):
            return "postgres://\(credentials)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    /// The same server and credentials, another database (tests create one per test).
    package func withDatabase(_ name: String) -> DatabaseURL {
        var copy = self
        copy.database = name
        return copy
    }

    /// Whether `text` names a PostgreSQL database at all (rather than being a typo of one, or a path).
    package static func looksLikeURL(_ text: String) -> Bool {
        text.contains("://")
    }

    /// Parses `text`; a one-line error naming what is wrong (never the password) otherwise.
    package init(parsing text: String) throws(DatabaseURLError) {
        let shown = Self.redactedInput(text)
        guard let components = URLComponents(string: text) else {
            throw DatabaseURLError("\(shown): not a URL; use postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
        guard let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql" else {
            throw DatabaseURLError(
                "\(shown): the scheme must be postgres:// (got '\(components.scheme ?? "")'); use postgres://USER[:PASSWORD]@HOST[:PORT]/DB"
            )
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard ["sslmode", "host", "port", "user", "password"].contains(item.name) else {
                throw DatabaseURLError(
                    "\(shown): unknown parameter '\(item.name)'; the URL takes sslmode, host, port, user and password"
                )
            }
            query[item.name] = item.value ?? ""
        }
        let path = components.percentEncodedPath
        let database = String(path.drop(while: { $0 == "/" })).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw DatabaseURLError(
                "\(shown): no database name; end the URL with /DB, e.g. postgres://USER@HOST/patchbay"
            )
        }
        let user = components.user?.removingPercentEncoding ?? query["user"] ?? ""
        guard !user.isEmpty else {
            throw DatabaseURLError(
                "\(shown): no user; write it before the host, e.g. postgres://patchbay@HOST/\(database)"
            )
        }
        var port = 5432
        if let text = query["port"] ?? components.port.map(String.init) {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw DatabaseURLError("\(shown): port '\(text)' is not a number from 1 to 65535; fix the port")
            }
            port = number
        }
        if let mode = query["sslmode"] {
            guard let parsed = SSLMode(rawValue: mode) else {
                throw DatabaseURLError(
                    "\(shown): sslmode '\(mode)' is unknown; use disable, prefer, require or verify-full"
                )
            }
            sslMode = parsed
        } else {
            sslMode = .prefer
        }
        // A host starting with `/` (given as ?host= or percent-encoded in the authority) is a socket directory.
        let host = query["host"] ?? components.percentEncodedHost?.removingPercentEncoding ?? ""
        if host.hasPrefix("/") {
            endpoint = .socket(directory: host, port: port)
        } else {
            guard !host.isEmpty else {
                throw DatabaseURLError(
                    "\(shown): no host; name one (postgres://USER@HOST/DB) or a socket directory (?host=/run/postgresql)"
                )
            }
            endpoint = .tcp(host: host, port: port)
        }
        self.user = user
        self.password = components.password?.removingPercentEncoding ?? query["password"]
        self.database = database
    }

    /// `text` with anything between `://user:` and `@` (and a `password=` parameter) hidden: for errors about a URL
    /// that could not be parsed.
    package static func redactedInput(_ text: String) -> String {
        var shown = text
        if let schemeEnd = shown.range(of: "://"), let at = shown.range(of: "@", options: .backwards),
            schemeEnd.upperBound <= at.lowerBound
        {
            let credentials = shown[schemeEnd.upperBound..<at.lowerBound]
            if let colon = credentials.firstIndex(of: ":") {
                shown.replaceSubrange(shown.index(after: colon)..<at.lowerBound, with: "***")
            }
        }
        if let range = shown.range(of: "password=") {
            let end = shown[range.upperBound...].firstIndex(of: "&") ?? shown.endIndex
            shown.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return shown
    }
}

/// Why a database URL was refused: one line, the password hidden.
package struct DatabaseURLError: Error, CustomStringConvertible, Equatable {
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
