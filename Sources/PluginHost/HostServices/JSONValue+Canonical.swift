import JSONText

extension JSONValue {
    /// The value as compact JSON with object keys sorted, so two equal objects give equal text.
    package var canonicalText: String {
        var writer = JSONWriter()
        document.writeCanonical(index, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension JSONDocument {
    /// Writes the value at `index` straight from the document's bytes: names, strings and numbers are copied as
    /// UTF-8, never made into Swift strings first.
    fileprivate func writeCanonical(_ index: Int, into writer: inout JSONWriter) {
        let entry = entries[index]
        switch entry.kind {
        case .null: writer.null()
        case .true: writer.bool(true)
        case .false: writer.bool(false)
        case .number: writer.raw(bytes: bytes[entry.start..<entry.end])
        case .string: writer.string(utf8: bytes[entry.start..<entry.end])
        case .escapedString: writer.string(decodedStrings[entry.start])
        case .array:
            writer.beginArray()
            var element = index + 1
            for _ in 0..<entry.start {
                writeCanonical(element, into: &writer)
                element = entries[element].next
            }
            writer.endArray()
        case .object:
            var names: [Int] = []
            names.reserveCapacity(entry.start)
            var name = index + 1
            for _ in 0..<entry.start {
                names.append(name)
                name = entries[name + 1].next
            }
            // Sorted by UTF-8 bytes: the same order on every platform and locale.
            names.sort { nameBytesPrecede($0, $1) }
            writer.beginObject()
            for name in names {
                let key = entries[name]
                if key.kind == .string {
                    writer.key(utf8: bytes[key.start..<key.end])
                } else {
                    writer.key(decodedStrings[key.start])
                }
                writeCanonical(name + 1, into: &writer)
            }
            writer.endObject()
        }
    }

    /// Whether member name `left` sorts before `right` by their UTF-8 bytes.
    private func nameBytesPrecede(_ left: Int, _ right: Int) -> Bool {
        let (a, b) = (entries[left], entries[right])
        switch (a.kind == .string, b.kind == .string) {
        case (true, true): return bytes[a.start..<a.end].lexicographicallyPrecedes(bytes[b.start..<b.end])
        case (true, false): return bytes[a.start..<a.end].lexicographicallyPrecedes(decodedStrings[b.start].utf8)
        case (false, true): return decodedStrings[a.start].utf8.lexicographicallyPrecedes(bytes[b.start..<b.end])
        case (false, false): return decodedStrings[a.start].utf8.lexicographicallyPrecedes(decodedStrings[b.start].utf8)
        }
    }
}
