import Foundation

/// plugins.yaml: the list of provider libraries to load, with their settings and limits.
package struct Manifest: Sendable, Equatable {
    /// The file as the caller named it, used in every error.
    package var file: String
    package var entries: [ManifestEntry]

    package init(file: String, entries: [ManifestEntry]) {
        self.file = file
        self.entries = entries
    }

    /// Reads and checks plugins.yaml; relative plugin paths resolve against the file's folder.
    package static func load(path: String) throws(ManifestError) -> Manifest {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "not readable as UTF-8 text" : "no such file"
            throw ManifestError(
                file: path,
                message: "cannot read the plugins file (\(reason)); "
                    + "create it or pass --plugins FILE / set PATCHBAY_PLUGINS"
            )
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, file: path, baseDirectory: folder)
    }

    /// Checks YAML text; `file` names it in errors, `baseDirectory` anchors relative plugin paths.
    package static func parse(yaml: String, file: String, baseDirectory: String) throws(ManifestError) -> Manifest {
        let entries = try ManifestParser(file: file, baseDirectory: baseDirectory).parse(yaml)
        return Manifest(file: file, entries: entries)
    }
}
