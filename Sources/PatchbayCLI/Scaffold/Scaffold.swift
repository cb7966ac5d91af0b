import Foundation

/// A skeleton provider: files relative to its folder, written once, never over existing work.
struct Scaffold {
    struct File {
        var path: String
        var contents: String
    }

    var files: [File]
    /// What to run in the folder to build and test it, for the closing message.
    var testCommand: String

    /// Writes every file under `folder`, which must not exist or be empty.
    func write(to folder: String) throws {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder), !existing.isEmpty {
            throw CLIError(
                "\(folder): the folder exists and is not empty; pick another --dir or remove it",
                exitCode: 73
            )
        }
        for file in files {
            let target = URL(fileURLWithPath: folder).appendingPathComponent(file.path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: target)
        }
    }
}
