import Foundation
import PatchbayCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads credentials from a file, stdin or a prompt — never from a command-line argument, which would leak into
/// shell history and `ps`. Error messages never echo what was read.
enum CredentialsInput {
    static func read(file: String?, fields: [CredentialField], providerID: String) throws -> [String: String] {
        if let file {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    throw CLIError(
                        "\(file): cannot read the credentials file; check the path and its permissions",
                        exitCode: 66
                    )
                }
                data = contents
            }
            return try parse(data, source: file == "-" ? "stdin" : file)
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CLIError("credentials: pass --credentials-file FILE (or - for stdin) holding a JSON object")
        }
        return try prompt(fields: fields, providerID: providerID)
    }

    private static func parse(_ data: Data, source: String) throws -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CLIError(
                "\(source): not a JSON object; write the provider's credential fields, e.g. {\"api_key\": \"...\"}",
                exitCode: 65
            )
        }
        var fields: [String: String] = [:]
        for (key, value) in object {
            guard let string = value as? String else {
                throw CLIError("\(source): field '\(key)' must be a string", exitCode: 65)
            }
            fields[key] = string
        }
        return fields
    }

    private static func prompt(fields: [CredentialField], providerID: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for field in fields {
            let label = "\(providerID) \(field.name)\(field.isRequired ? "" : " (optional)"): "
            let value: String?
            if field.isSecret {
                value = getpass(label).map { String(cString: $0) }  // no echo
            } else {
                FileHandle.standardError.write(Data(label.utf8))
                value = readLine()
            }
            if let value, !value.isEmpty { values[field.name] = value }
        }
        return values
    }
}
