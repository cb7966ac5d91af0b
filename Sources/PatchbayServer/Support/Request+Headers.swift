import HTTPTypes
import Hummingbird

extension Request {
    /// A header HTTPTypes has no constant for (e.g. `Sec-Fetch-Site`), by its case-insensitive name.
    func header(named name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.canonicalName == lowered }?.value
    }
}

extension Response {
    /// Sets a header HTTPTypes has no constant for.
    mutating func setHeader(named name: String, to value: String) {
        guard let field = HTTPField.Name(name) else { return }  // only ever called with valid literal names
        headers[field] = value
    }
}
