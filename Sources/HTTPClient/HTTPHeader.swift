/// One header; names compare case-insensitively where the client looks them up.
package struct HTTPHeader: Sendable, Equatable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
