/// An answer before it becomes a Hummingbird response.
struct FakeResponse {
    var status: Int
    var headers: [(String, String)] = [("Content-Type", "application/json; charset=utf-8")]
    var body: [UInt8]
}
