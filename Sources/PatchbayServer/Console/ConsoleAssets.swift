import Foundation
import Hummingbird
import NIOCore

/// The console's files (HTML, CSS, JavaScript, icon), shipped as resources of this target and read once into
/// memory: together they are a few tens of kilobytes.
struct ConsoleAssets: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
        /// Strong validator from the content, so a browser revalidates with one cheap 304.
        let etag: String
    }

    let assets: [String: Asset]
    /// Why loading failed, when it did: every console response then says so instead of a blank page.
    let failure: String?

    /// The assets bundled with the server.
    static let bundled = ConsoleAssets(directory: Bundle.module.resourceURL?.appendingPathComponent("ConsoleAssets"))

    init(directory: URL?) {
        guard let directory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else {
            assets = [:]
            failure = "console: its files are missing from the build (ConsoleAssets); rebuild patchbay"
            return
        }
        var assets: [String: Asset] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            else { continue }
            assets[name] = Asset(
                bytes: ByteBuffer(bytes: data),
                contentType: Self.contentType(of: name),
                etag: "\"\(Self.digest(data))\""
            )
        }
        self.assets = assets
        failure = assets["index.html"] == nil ? "console: index.html is missing from the build; rebuild patchbay" : nil
    }

    subscript(name: String) -> Asset? { assets[name] }

    private static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }

    /// FNV-1a, 64 bits: enough to tell two versions of a file apart.
    private static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
