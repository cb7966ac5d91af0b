import ArgumentParser
import Foundation

/// `patchbay plugins new NAME --lang swift|c [--dir D]`: writes a buildable, tested skeleton provider.
struct PluginsNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a skeleton provider plugin (C or Swift) with its build, README and a fake-API test.",
        discussion: """
            The skeleton lives outside Patchbay: C gets the header and a Makefile (`make test`), Swift gets a \
            package with ProviderKit copied in (`swift test`). Both tests run `patchbay plugins check` on the built \
            library against a fake API on 127.0.0.1. Exits 64 on a bad name or language, 73 when --dir is not empty.
            """
    )

    enum Language: String, ExpressibleByArgument, CaseIterable {
        case swift
        case c
    }

    @Argument(help: "The provider id: lower-case letters, digits and dashes, starting with a letter (e.g. acme-cloud).")
    var name: String

    @Option(help: "The language of the skeleton.")
    var lang: Language

    @Option(help: ArgumentHelp("The folder to create (default: ./NAME); must not exist or be empty.", valueName: "dir"))
    var dir: String?

    func run() async throws {
        try await reportingErrors {
            guard let scaffoldName = ScaffoldName(name) else {
                throw CLIError(
                    "'\(name)': not a provider id; use lower-case letters, digits and dashes, starting with a letter"
                )
            }
            let folder = URL(fileURLWithPath: dir ?? name).standardizedFileURL.path
            let patchbay = CheckInput.selfExecutable
            let scaffold =
                switch lang {
                case .c: CScaffold.make(scaffoldName, patchbay: patchbay)
                case .swift: try SwiftScaffold.make(scaffoldName, patchbay: patchbay)
                }
            try scaffold.write(to: folder)
            say(
                "Created the \(lang.rawValue) provider '\(scaffoldName.id)' in \(folder) (\(scaffold.files.count) files)."
            )
            say("Next: cd \(folder) && \(scaffold.testCommand)")
        }
    }
}
