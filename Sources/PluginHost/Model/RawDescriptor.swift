/// A plugin's descriptor as its library holds it, copied into Swift values without judging anything: strings are
/// raw bytes (nil for NULL), lists say whether they ended. Both ways of loading a plugin produce one (in this process
/// from the pointer, `ProviderLibrary`; in a runner from its WIRE_DESCRIPTOR frame), and `DescriptorReader` checks it,
/// so a plugin gets the same verdict in either isolation mode.
struct RawDescriptor: Sendable {
    var productTag: UInt64
    var abiMajor: UInt32
    var abiMinor: UInt32
    var structSize: UInt32
    /// The v1 fields; nil when the tag, major version or size did not allow reading them.
    var body: Body?

    init(productTag: UInt64, abiMajor: UInt32, abiMinor: UInt32, structSize: UInt32, body: Body? = nil) {
        self.productTag = productTag
        self.abiMajor = abiMajor
        self.abiMinor = abiMinor
        self.structSize = structSize
        self.body = body
    }

    struct Body: Sendable {
        var flags: UInt32
        var reserved: UInt32
        var functions: Functions
        var id: [UInt8]?
        var name: [UInt8]?
        var version: [UInt8]?
        var vendor: [UInt8]?
        var description: [UInt8]?
        var credentialFields: FieldList
        var settings: FieldList
        var capabilities: StringList
        var allowedHosts: StringList
        var rateBudgets: BudgetList
        var counts: CountsExtension
        /// The fields ABI 1.1 appended; nil when struct_size does not cover them.
        var appended: Appended?
    }

    /// Which function pointers are set.
    struct Functions: OptionSet, Sendable {
        let rawValue: UInt8
        static let create = Functions(rawValue: 1 << 0)
        static let destroy = Functions(rawValue: 1 << 1)
        static let validate = Functions(rawValue: 1 << 2)
        static let listNetworks = Functions(rawValue: 1 << 3)
        static let freeBuffer = Functions(rawValue: 1 << 4)
        static let getExtension = Functions(rawValue: 1 << 5)
    }

    struct Field: Sendable {
        var name: [UInt8]?
        var label: [UInt8]?
        var description: [UInt8]?
        var defaultValue: [UInt8]?
        var flags: UInt32
        var reserved: UInt32
    }

    struct FieldList: Sendable {
        var count: UInt32
        /// The count is non-zero but the array pointer is NULL.
        var isNull: Bool
        var fields: [Field]
    }

    /// A NULL-terminated list of strings.
    enum StringList: Sendable {
        case absent
        case items([[UInt8]])
        /// No NULL within the first 1,024 entries.
        case unterminated
    }

    struct Budget: Sendable {
        var scope: [UInt8]?
        var requests: UInt32
        var periodMilliseconds: UInt32
    }

    struct BudgetList: Sendable {
        var count: UInt32
        var isNull: Bool
        var budgets: [Budget]
    }

    enum CountsExtension: UInt8, Sendable {
        case absent = 0
        case usable = 1
        /// get_extension returned a struct that is too small or has a NULL function.
        case invalid = 2
    }

    struct Appended: Sendable {
        var minHostMinor: UInt32
        var reserved: UInt32
        var extensions: StringList
    }

    /// The longest list the host reads before calling it unterminated.
    static let listLimit = 1024
}
