import JSONText
import PatchbayServer

/// Machine-readable output: one compact JSON document per command, written by the API's writer (sorted keys, ISO 8601
/// dates), so a script reads from `--json` exactly what the API would answer for the same value.
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        String(decoding: try JSONWriter.bytes(of: value), as: UTF8.self)
    }

    static func print(_ value: some Encodable) throws {
        StandardOutput.write(try render(value) + "\n")
    }

    /// Bytes a shape's own encoder wrote (an integration, a sync run), as one line.
    static func print(_ write: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(capacity: 1024)
        write(&writer)
        StandardOutput.write(String(decoding: writer.bytes, as: UTF8.self) + "\n")
    }

    /// A JSON array with one element per line, each written by its shape's own encoder (the API's bytes for it).
    static func printLines<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        var lines: [String] = []
        lines.reserveCapacity(elements.count)
        for element in elements {
            var writer = JSONWriter(capacity: 1024)
            write(&writer, element)
            lines.append(String(decoding: writer.bytes, as: UTF8.self))
        }
        StandardOutput.write(lines.isEmpty ? "[]\n" : "[\n" + lines.joined(separator: ",\n") + "\n]\n")
    }
}
