package import Foundation
package import JSONText

extension JSONWriter {
    /// Any `Encodable` value through the one writer: the API's bodies and the CLI's `--json` for the shapes that
    /// have no hand-written encoder. Keys are sorted (UTF-8 byte order), dates are ISO 8601 text, and absent optionals
    /// follow the type's `encode(to:)` (omitted by `encodeIfPresent`, `null` by `encode`), as `JSONEncoder` did.
    package mutating func encode(_ value: some Encodable) throws {
        try EncodedTree.tree(of: value, codingPath: []).write(into: &self)
    }

    /// The value as one JSON document.
    package static func bytes(of value: some Encodable) throws -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        try writer.encode(value)
        return writer.bytes
    }
}

/// What an `Encodable` value encoded to, before it is written: members are collected first so they can be sorted.
private indirect enum EncodedTree {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case date(Date)
    case array(ArrayStorage)
    case object(ObjectStorage)

    final class ArrayStorage {
        var elements: [EncodedTree] = []
    }

    final class ObjectStorage {
        var members: [String: EncodedTree] = [:]
    }

    static func tree(of value: some Encodable, codingPath: [any CodingKey]) throws -> EncodedTree {
        if let date = value as? Date { return .date(date) }
        let encoder = TreeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        // A value that encoded nothing is an empty object, as with JSONEncoder.
        return encoder.result ?? .object(ObjectStorage())
    }

    func write(into writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .number(let text): writer.number(text: text)
        case .string(let text): writer.string(text)
        case .date(let date): writer.date(date)
        case .array(let storage):
            writer.beginArray()
            for element in storage.elements { element.write(into: &writer) }
            writer.endArray()
        case .object(let storage):
            writer.beginObject()
            for (name, member) in storage.members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                writer.key(name)
                member.write(into: &writer)
            }
            writer.endObject()
        }
    }
}

/// Builds an `EncodedTree`; one per value being encoded.
private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var result: EncodedTree?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedTreeContainer<Key>(storage: objectStorage(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedTreeContainer(storage: arrayStorage(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(encoder: self)
    }

    /// The object this encoder writes into; asking twice gives the same one, as `JSONEncoder` allows.
    func objectStorage() -> EncodedTree.ObjectStorage {
        if case .object(let storage) = result { return storage }
        let storage = EncodedTree.ObjectStorage()
        result = .object(storage)
        return storage
    }

    func arrayStorage() -> EncodedTree.ArrayStorage {
        if case .array(let storage) = result { return storage }
        let storage = EncodedTree.ArrayStorage()
        result = .array(storage)
        return storage
    }
}

/// A number as JSON text; NaN and infinities have none.
private func numberText(_ value: Double, _ codingPath: [any CodingKey]) throws -> EncodedTree {
    guard value.isFinite else {
        throw EncodingError.invalidValue(
            value,
            EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not a JSON number")
        )
    }
    return .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)")
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: EncodedTree.ObjectStorage
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        storage.members[key.stringValue] = .null
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        storage.members[key.stringValue] = .bool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        storage.members[key.stringValue] = .string(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        storage.members[key.stringValue] = try numberText(value, codingPath + [key])
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        storage.members[key.stringValue] = .number(String(value))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        storage.members[key.stringValue] = .number(String(value))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        storage.members[key.stringValue] = try EncodedTree.tree(of: value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = EncodedTree.ObjectStorage()
        storage.members[key.stringValue] = .object(nested)
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(storage: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = EncodedTree.ArrayStorage()
        storage.members[key.stringValue] = .array(nested)
        return UnkeyedTreeContainer(storage: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        SuperEncoder(codingPath: codingPath) { [storage] in storage.members["super"] = $0 }
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SuperEncoder(codingPath: codingPath + [key]) { [storage] in storage.members[key.stringValue] = $0 }
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let storage: EncodedTree.ArrayStorage
    let codingPath: [any CodingKey]
    var count: Int { storage.elements.count }

    mutating func encodeNil() throws {
        storage.elements.append(.null)
    }

    mutating func encode(_ value: Bool) throws {
        storage.elements.append(.bool(value))
    }

    mutating func encode(_ value: String) throws {
        storage.elements.append(.string(value))
    }

    mutating func encode(_ value: Double) throws {
        storage.elements.append(try numberText(value, codingPath))
    }

    mutating func encode(_ value: Int) throws {
        storage.elements.append(.number(String(value)))
    }

    mutating func encode(_ value: Int64) throws {
        storage.elements.append(.number(String(value)))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        storage.elements.append(try EncodedTree.tree(of: value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = EncodedTree.ObjectStorage()
        storage.elements.append(.object(nested))
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(storage: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = EncodedTree.ArrayStorage()
        storage.elements.append(.array(nested))
        return UnkeyedTreeContainer(storage: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let index = storage.elements.count
        storage.elements.append(.null)
        return SuperEncoder(codingPath: codingPath) { [storage] in storage.elements[index] = $0 }
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.result = .null }
    mutating func encode(_ value: Bool) throws { encoder.result = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.result = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.result = try numberText(value, codingPath) }
    mutating func encode(_ value: Float) throws { encoder.result = try numberText(Double(value), codingPath) }
    mutating func encode(_ value: Int) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.result = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.result = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.result = try EncodedTree.tree(of: value, codingPath: codingPath)
    }
}

/// The encoder a class's `super.encode(to:)` gets: what it encodes lands where `store` puts it.
private final class SuperEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private let inner: TreeEncoder
    private let store: (EncodedTree) -> Void

    init(codingPath: [any CodingKey], store: @escaping (EncodedTree) -> Void) {
        self.codingPath = codingPath
        self.inner = TreeEncoder(codingPath: codingPath)
        self.store = store
    }

    deinit { store(inner.result ?? .object(EncodedTree.ObjectStorage())) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        inner.container(keyedBy: type)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }

    func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
}
