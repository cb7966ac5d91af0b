import Foundation

/// The system C compiler, used by tests to build plugins from source the way a vendor would.
package struct CCompiler: Sendable {
    package let executable: String

    /// `$CC`, else the first of cc, clang, gcc on the PATH.
    package static func find() throws -> CCompiler {
        let environment = ProcessInfo.processInfo.environment
        let names = [environment["CC"]].compactMap { $0 } + ["cc", "clang", "gcc"]
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            if name.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: name) {
                return CCompiler(executable: name)
            }
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return CCompiler(executable: folder + "/" + name)
            }
        }
        throw CCompilerError(
            message: "no C compiler found (tried $CC, cc, clang, gcc); install one, e.g. apt install gcc"
        )
    }

    /// Compiles `sources` into a shared library at `output` (`cc -shared -fPIC`), with the ABI header on the
    /// include path. `strict` adds the flags the example plugins ship with.
    package func buildSharedLibrary(
        sources: [String],
        output: String,
        includeDirectories: [String] = [PackagePaths.abiHeaders],
        defines: [String] = [],
        strict: Bool = false
    ) throws {
        var arguments = ["-shared", "-fPIC", "-O1", "-o", output]
        if strict { arguments += ["-std=c11", "-Wall", "-Wextra", "-pedantic", "-Werror"] }
        arguments += includeDirectories.map { "-I" + $0 }
        arguments += defines.map { "-D" + $0 }
        arguments += sources
        try compile(arguments)
    }

    /// Compiles and links an executable, e.g. a program printing struct layouts.
    package func buildExecutable(
        sources: [String],
        output: String,
        includeDirectories: [String] = [PackagePaths.abiHeaders]
    )
        throws
    {
        try compile(["-std=c11", "-o", output] + includeDirectories.map { "-I" + $0 } + sources)
    }

    private func compile(_ arguments: [String]) throws {
        let result = try ProcessRunner.run(executable, arguments)
        guard result.status == 0 else {
            throw CCompilerError(
                message: "\(executable) \(arguments.joined(separator: " ")) failed: \(result.standardError)"
            )
        }
    }
}

/// A compile that failed, with the compiler's output.
package struct CCompilerError: Error, CustomStringConvertible {
    package let message: String

    package init(message: String) {
        self.message = message
    }

    package var description: String { message }
}
