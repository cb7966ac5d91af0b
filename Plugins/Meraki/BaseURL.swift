import ProviderKit
import Synchronization

/// The API root of one instance. Starts as configured; moves to a shard of the same cloud after Meraki redirects
/// there, as Meraki's own SDK does, so later requests skip the redirect.
final class BaseURL: Sendable {
    let configured: String
    /// The configured root's origin: the cloud every credential-bearing request must stay in.
    let origin: URLParts
    private let shard = Mutex<String?>(nil)

    init(_ configured: String) throws(ProviderKitError) {
        guard let origin = URLParts(configured) else {
            throw ProviderKitError(.invalidArgument, "meraki settings: base_url '\(configured)' is not an http(s) URL")
        }
        self.configured = configured
        self.origin = origin
    }

    var current: String { shard.withLock { $0 } ?? configured }

    func follow(to target: URLParts) {
        shard.withLock { $0 = target.origin + origin.rest }
    }
}
