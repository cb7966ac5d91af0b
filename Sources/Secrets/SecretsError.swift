/// Why a secret could not be sealed, opened, generated or stored. Never carries plaintext or key bytes.
package struct SecretsError: Error, Equatable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable {
        /// An OpenSSL call failed; `detail` is its error queue, which never holds key or plaintext bytes.
        case openSSL(function: String, detail: String)
        /// The envelope is shorter than its header, nonce and tag, or its key id length runs past the end.
        case truncatedEnvelope(length: Int)
        /// The envelope starts with a format version this build does not read.
        case unsupportedEnvelopeVersion(UInt8)
        /// The envelope's key id is empty or not UTF-8.
        case malformedKeyID
        /// The envelope names a key the keyring does not hold.
        case unknownKeyID(String)
        /// The envelope was sealed with different associated data: it was moved from another row.
        case associatedDataMismatch(keyID: String)
        /// The tag did not verify: the nonce, ciphertext or tag was altered.
        case authenticationFailed(keyID: String)
        /// A ``SecretBytes`` was read after ``SecretBytes/wipe()``.
        case secretWiped
        /// A keyring operation would leave it without its current key, or names a key it lacks.
        case invalidKeyringChange(String)
        /// The master key environment variable is set but is not 32 bytes of base64 or hex.
        case malformedMasterKeyVariable(name: String, problem: String)
        /// The master key file is readable by group or others.
        case masterKeyFileTooOpen(path: String, mode: UInt32)
        /// The master key file does not hold 32 bytes of base64 or hex.
        case malformedMasterKeyFile(path: String)
        /// `--master-key-file` names no file.
        case masterKeyFileMissing(path: String)
        /// The keyring file exists but no master key does: the key file was lost or moved.
        case masterKeyMissing(keyringPath: String, keyFilePath: String, variable: String)
        /// The keyring file does not open with the master key in use.
        case keyringUndecryptable(path: String, masterKeySource: String)
        /// The keyring file opened but its contents are not a keyring this build reads.
        case malformedKeyring(path: String)
        /// A file system call failed.
        case io(path: String, operation: String, detail: String)
    }

    package let reason: Reason

    package init(_ reason: Reason) {
        self.reason = reason
    }

    /// `<where>: <what went wrong>; <what to do>` on one line, never a secret.
    package var description: String {
        switch reason {
        case .openSSL(let function, let detail):
            "OpenSSL \(function): \(detail); check that libcrypto 3 is installed and working"
        case .truncatedEnvelope(let length):
            "envelope: \(length) bytes is too short to be a credential envelope; the stored ciphertext was cut, "
                + "re-enter the credentials"
        case .unsupportedEnvelopeVersion(let version):
            "envelope: format version \(version) is not supported by this build; upgrade Patchbay"
        case .malformedKeyID:
            "envelope: key id is empty or not UTF-8; the stored ciphertext is corrupt, re-enter the credentials"
        case .unknownKeyID(let keyID):
            "envelope: key '\(keyID)' is not in the keyring; it was retired too early or the keyring belongs to "
                + "another installation, restore that keyring or re-enter the credentials"
        case .associatedDataMismatch(let keyID):
            "envelope (key '\(keyID)'): sealed for another record; a ciphertext cannot move between rows, "
                + "re-enter the credentials for this one"
        case .authenticationFailed(let keyID):
            "envelope (key '\(keyID)'): authentication failed, the nonce, ciphertext or tag was altered; "
                + "re-enter the credentials"
        case .secretWiped:
            "secret: read after it was wiped; keep the SecretBytes alive until the last use"
        case .invalidKeyringChange(let problem):
            "keyring: \(problem)"
        case .malformedMasterKeyVariable(let name, let problem):
            "\(name): \(problem); set it to 32 random bytes in base64 or hex (openssl rand -base64 32), "
                + "or unset it to use the key file"
        case .masterKeyFileTooOpen(let path, let mode):
            "\(path): mode \(String(mode, radix: 8)) lets other users read the master key; run chmod 600 \(path)"
        case .masterKeyFileMissing(let path):
            "\(path): no such master key file; check --master-key-file (every instance sharing a database needs the same key)"
        case .malformedMasterKeyFile(let path):
            "\(path): not a master key (32 bytes in base64 or hex); restore the original file"
        case .masterKeyMissing(let keyringPath, let keyFilePath, let variable):
            "\(keyringPath): exists but \(keyFilePath) does not and \(variable) is unset; restore the key file "
                + "or set \(variable) to the master key the keyring was created with"
        case .keyringUndecryptable(let path, let source):
            "\(path): does not open with the master key from \(source); use the master key it was created with, "
                + "or restore the file from backup if it was altered"
        case .malformedKeyring(let path):
            "\(path): not a keyring this build reads; restore it from backup"
        case .io(let path, let operation, let detail):
            "\(path): \(operation) failed: \(detail); check the data directory's permissions and free space"
        }
    }
}
