extension RawDescriptor {
    /// Reads a WIRE_DESCRIPTOR payload, laid out by the runner's descriptor.c; nil when it is malformed.
    init?(wire payload: [UInt8]) {
        var reader = WireReader(payload)
        self.init(
            productTag: reader.u64(),
            abiMajor: reader.u32(),
            abiMinor: reader.u32(),
            structSize: reader.u32()
        )
        if reader.u8() != 0 {
            body = Self.body(&reader)
        }
        guard !reader.failed else { return nil }
    }

    private static func body(_ reader: inout WireReader) -> Body {
        let flags = reader.u32()
        let reserved = reader.u32()
        let functions = Functions(rawValue: reader.u8())
        let id = reader.optionalData()
        let name = reader.optionalData()
        let version = reader.optionalData()
        let vendor = reader.optionalData()
        let description = reader.optionalData()
        let credentialFields = fields(&reader)
        let settings = fields(&reader)
        let capabilities = list(&reader)
        let allowedHosts = list(&reader)
        let budgets = budgets(&reader)
        let counts = CountsExtension(rawValue: reader.u8()) ?? .invalid
        var appended: Appended?
        if reader.u8() != 0 {
            appended = Appended(minHostMinor: reader.u32(), reserved: reader.u32(), extensions: list(&reader))
        }
        return Body(
            flags: flags,
            reserved: reserved,
            functions: functions,
            id: id,
            name: name,
            version: version,
            vendor: vendor,
            description: description,
            credentialFields: credentialFields,
            settings: settings,
            capabilities: capabilities,
            allowedHosts: allowedHosts,
            rateBudgets: budgets,
            counts: counts,
            appended: appended
        )
    }

    private static func fields(_ reader: inout WireReader) -> FieldList {
        let count = reader.u32()
        let isNull = reader.u8() != 0
        var fields: [Field] = []
        if !isNull {
            for _ in 0..<count where !reader.failed {
                fields.append(
                    Field(
                        name: reader.optionalData(),
                        label: reader.optionalData(),
                        description: reader.optionalData(),
                        defaultValue: reader.optionalData(),
                        flags: reader.u32(),
                        reserved: reader.u32()
                    )
                )
            }
        }
        return FieldList(count: count, isNull: isNull, fields: fields)
    }

    private static func list(_ reader: inout WireReader) -> StringList {
        switch reader.u8() {
        case 0: return .absent
        case 1:
            let count = reader.u32()
            var items: [[UInt8]] = []
            for _ in 0..<count where !reader.failed { items.append(reader.data()) }
            return .items(items)
        default: return .unterminated
        }
    }

    private static func budgets(_ reader: inout WireReader) -> BudgetList {
        let count = reader.u32()
        let isNull = reader.u8() != 0
        var budgets: [Budget] = []
        if !isNull {
            for _ in 0..<count where !reader.failed {
                budgets.append(
                    Budget(scope: reader.optionalData(), requests: reader.u32(), periodMilliseconds: reader.u32())
                )
            }
        }
        return BudgetList(count: count, isNull: isNull, budgets: budgets)
    }
}
