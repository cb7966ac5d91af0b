import ArgumentParser
import Foundation
import PatchbayCore

/// Runs a command body, turning every failure into `error: <one line>` on stderr and a meaningful exit code. With
/// `json`, stdout also gets the API's error object, `{"error":{"code":"not_found","message":"…"}}`, so a script
/// that parses stdout sees why the command failed.
func reportingErrors<T>(json: Bool = false, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ServiceError {
        throw fail(code: error.code, message: error.message, json: json)
    } catch let error as CLIError {
        throw fail(code: error.code, message: error.description, exitCode: error.exitCode, json: json)
    } catch let error as ExitCode {
        throw error
    } catch {
        throw fail(code: .internal, message: "\(error)", json: json)
    }
}

func printError(_ message: String) {
    StandardError.print("error: \(message)")
}

private func fail(code: ServiceError.Code, message: String, exitCode: Int32? = nil, json: Bool) -> ExitCode {
    printError(message)
    if json, let document = try? JSONOutput.render(ErrorDocument(error: .init(code: code.rawValue, message: message))) {
        print(document)
    }
    return ExitCode(exitCode ?? code.exitCode)
}

/// The API's error shape, for `--json` output of a failed command.
private struct ErrorDocument: Encodable {
    struct Body: Encodable {
        let code: String
        let message: String
    }

    let error: Body
}
