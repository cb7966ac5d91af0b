extension ReplyDecoder {
    /// Decodes a validate result while parsing it: every byte is still parsed and checked, but only the members
    /// the host reads become Swift values (no tree of every key and value to build and free on each call).
    ///
    /// Answers exactly as decoding the parsed tree would: a syntax error anywhere wins over a problem with the
    /// content, the first member of a repeated name counts, and other members are ignored.
    package func validation(_ bytes: [UInt8]) throws(ProviderError) -> ProviderValidation {
        let what = "validate result"
        try checkUTF8(bytes, what)
        var reader = ValidationReader()
        do {
            try JSONParser.read(bytes) { parser throws(JSONParser.Failure) in try reader.readResult(&parser) }
        } catch {
            throw notJSON(error, what)
        }
        if let problem = reader.problem { throw malformed("\(what)\(problem)") }
        return ProviderValidation(account: reader.account, organizations: reader.organizations)
    }
}

/// The member names the host reads, as bytes: compared in place with the names in the text.
private enum Name {
    static let account = Array("account".utf8)
    static let organizations = Array("organizations".utf8)
    static let id = Array("id".utf8)
    static let name = Array("name".utf8)
}

/// The members of a validate result, collected as the parser meets them.
private struct ValidationReader {
    var account: String?
    var organizations: [ProviderValidation.Organization] = []
    /// The first problem with the content, after "validate result"; reported only if the whole text is JSON.
    var problem: String?
    private var seenAccount = false
    private var seenOrganizations = false

    mutating func readResult(_ parser: inout JSONParser) throws(JSONParser.Failure) {
        guard parser.peekByte == UInt8(ascii: "{") else {
            try parser.skipValue()
            problem = " is not a JSON object"
            return
        }
        try parser.readObject { parser, name throws(JSONParser.Failure) in
            if !seenAccount, parser.token(name, is: Name.account) {
                seenAccount = true
                account = try Self.string(&parser)
            } else if !seenOrganizations, parser.token(name, is: Name.organizations) {
                seenOrganizations = true
                try readOrganizations(&parser)
            } else {
                try parser.skipValue()
            }
        }
    }

    private mutating func readOrganizations(_ parser: inout JSONParser) throws(JSONParser.Failure) {
        guard parser.peekByte == UInt8(ascii: "[") else {
            try parser.skipValue()
            problem = ".organizations is not a list"
            return
        }
        organizations.reserveCapacity(4)
        try parser.readArray { parser, position throws(JSONParser.Failure) in
            let organization = try Self.organization(&parser)
            guard problem == nil else { return }
            if let organization {
                organizations.append(organization)
            } else {
                problem = ".organizations[\(position)] needs string \"id\" and \"name\""
            }
        }
    }

    /// One element of `organizations`: nil unless it is an object whose first "id" and "name" are strings.
    private static func organization(
        _ parser: inout JSONParser
    ) throws(JSONParser.Failure) -> ProviderValidation.Organization? {
        guard parser.peekByte == UInt8(ascii: "{") else {
            try parser.skipValue()
            return nil
        }
        var id: String?
        var name: String?
        var seenID = false
        var seenName = false
        try parser.readObject { parser, member throws(JSONParser.Failure) in
            if !seenID, parser.token(member, is: Name.id) {
                seenID = true
                id = try string(&parser)
            } else if !seenName, parser.token(member, is: Name.name) {
                seenName = true
                name = try string(&parser)
            } else {
                try parser.skipValue()
            }
        }
        guard let id, let name else { return nil }
        return ProviderValidation.Organization(id: id, name: name)
    }

    /// The value here if it is a string, else nil after checking and skipping it.
    private static func string(_ parser: inout JSONParser) throws(JSONParser.Failure) -> String? {
        guard parser.peekByte == UInt8(ascii: "\"") else {
            try parser.skipValue()
            return nil
        }
        return try parser.string()
    }
}
