import Foundation

/// The provider name given to `plugins new`, in the spellings the templates need.
struct ScaffoldName {
    /// The provider id: `acme-cloud`.
    let id: String

    /// Nil unless `text` is a provider id that starts with a letter (it also names a Swift type): `[a-z][a-z0-9-]*`.
    init?(_ text: String) {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.count <= 40,
            text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
            !text.hasSuffix("-")
        else { return nil }
        id = text
    }

    /// For C identifiers and file names: `acme_cloud`.
    var snake: String { id.replacingOccurrences(of: "-", with: "_") }

    /// For Swift types and products: `AcmeCloud`.
    var pascal: String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A display name: `Acme Cloud`.
    var display: String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
