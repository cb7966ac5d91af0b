/// One network as the v1 contract describes it, with the provider's own object kept whole in `raw`.
public struct Network: Sendable {
    public var externalID: String
    public var name: String
    public var organizationID: String
    public var productTypes: [String]
    public var tags: [String]
    public var timeZone: String?
    public var url: String?
    /// The provider's object, byte for byte.
    public var raw: RawJSON

    public init(
        externalID: String,
        name: String,
        organizationID: String,
        productTypes: [String],
        tags: [String],
        timeZone: String?,
        url: String?,
        raw: RawJSON
    ) {
        self.externalID = externalID
        self.name = name
        self.organizationID = organizationID
        self.productTypes = productTypes
        self.tags = tags
        self.timeZone = timeZone
        self.url = url
        self.raw = raw
    }
}

/// Bytes of one JSON value, passed through unmodified. The provider vouches that they are valid JSON (typically a
/// slice of a response it has already decoded).
public struct RawJSON: Sendable {
    public let bytes: ArraySlice<UInt8>

    public init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }
}
