import ArgumentParser
import Foundation
import PatchbayCore

/// Runs a command body, turning every failure into `error: <one line>` on stderr and a meaningful exit code.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ServiceError {
        printError(error.message)
        throw ExitCode(error.code.exitCode)
    } catch let error as CLIError {
        printError(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("\(error)")
        throw ExitCode(70)
    }
}

func printError(_ message: String) {
    StandardError.print("error: \(message)")
}
