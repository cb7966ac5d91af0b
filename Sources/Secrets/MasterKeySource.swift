/// Where the master key that encrypts the keyring file comes from: an environment variable when it is set, else a
/// key file in the data directory.
package enum MasterKeySource: Sendable, Equatable, CustomStringConvertible {
    /// The variable holds the key as base64 or hex; nothing is written for it.
    case environment(variable: String)
    /// The file holds the key as base64; created with mode 0600 on first use, refused when group/world readable.
    case keyFile(path: String)
    /// A key file the operator named (`--master-key-file`): must exist with mode 0600; never created.
    case givenFile(path: String)

    package var description: String {
        switch self {
        case .environment(let variable): variable
        case .keyFile(let path), .givenFile(let path): path
        }
    }
}
