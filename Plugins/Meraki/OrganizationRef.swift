/// An organization to work on, with its place in the listing for results kept in order.
struct OrganizationRef: Sendable {
    let index: Int
    let id: String
    let name: String
}
