/// The syntax rules of the header for ids, field names and versions.
package enum ProviderSyntax {
    /// `[a-z0-9][a-z0-9-]*`
    package static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLowerAlnum(first) else { return false }
        return id.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// `[a-z0-9_]+`
    package static func isValidFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "_") }
    }

    /// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH without leading zeros, optional -pre-release and +build.
    package static func isSemver(_ version: String) -> Bool {
        var rest = Substring(version)
        var build: Substring?
        if let plus = rest.firstIndex(of: "+") {
            build = rest[rest.index(after: plus)...]
            rest = rest[..<plus]
        }
        var prerelease: Substring?
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
        }
        let core = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard core.count == 3, core.allSatisfy(isNumericIdentifier) else { return false }
        if let prerelease, !identifiers(prerelease, numericMustBeCanonical: true) { return false }
        if let build, !identifiers(build, numericMustBeCanonical: false) { return false }
        return true
    }

    private static func identifiers(_ text: Substring, numericMustBeCanonical: Bool) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.utf8.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") }) else { return false }
            let isNumeric = part.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            return !(numericMustBeCanonical && isNumeric && !isNumericIdentifier(part))
        }
    }

    private static func isNumericIdentifier(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return false
        }
        return part == "0" || part.first != "0"
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        isLowerAlnum(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
