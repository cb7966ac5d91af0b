/// Why plugins.yaml as a whole cannot be used: unreadable, not YAML, or a field of the wrong shape.
package struct ManifestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The manifest file, as the caller named it.
    package let file: String
    /// 1-based, when the problem has a place in the file.
    package let line: Int?
    package let column: Int?
    /// `<what went wrong>; <what to do>`.
    package let message: String

    package init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `<file>:<line>:<column>: <what went wrong>; <what to do>` on one line.
    package var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line):\(column ?? 1): \(message)"
    }
}
