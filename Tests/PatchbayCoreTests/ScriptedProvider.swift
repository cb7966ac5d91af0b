import Foundation
import PatchbayCore
import PatchbayTestSupport
import Synchronization

/// An in-process provider whose answers each test scripts: the core's rules are tested against it, while the real
/// `.so` plugins are tested through the host and the CLI. Thread-safe.
final class ScriptedProvider: NetworkProvider, Sendable {
    struct Script: Sendable {
        /// The listing, page by page.
        var pages: [[UpstreamNetwork]] = []
        /// Fail the listing after handing over this many pages.
        var failAfterPages: Int?
        var listingError = ServiceError(.unavailable, "scripted: upstream unavailable")
        var validationError: ServiceError?
        var countsError: ServiceError?
        var counts = NetworkCounts(networks: 0, accessPoints: 0)
        /// Counts answer only after this long (a slow provider).
        var countsDelay: Duration = .zero
        /// Listing waits between pages until this is released (to hold a sync open).
        var holdListing: Bool = false
    }

    let id: String
    let credentialFields = [CredentialField(name: "api_key", isRequired: true, isSecret: true)]
    let supportsCounts = true
    private let script: Mutex<Script>
    private let calls = Mutex<[String]>([])
    private let credentialsSeen = Mutex<[[String: String]]>([])
    private let gate = AsyncGate()

    init(id: String, script: Script = Script()) {
        self.id = id
        self.script = Mutex(script)
    }

    func update(_ change: (inout Script) -> Void) { script.withLock { change(&$0) } }
    var callLog: [String] { calls.withLock { $0 } }
    var lastCredentials: [String: String]? { credentialsSeen.withLock { $0.last } }
    /// Lets a held listing continue.
    func release() { gate.open() }
    /// Resolves once a held listing is waiting.
    func waitUntilHeld() async { await gate.waitForWaiter() }

    func checkSettings(_ settings: [String: String]) throws(ServiceError) {
        for (key, value) in settings {
            guard key == "base_url" else {
                throw ServiceError(.invalidArgument, "setting '\(key)': not declared by \(id)")
            }
            guard value.hasPrefix("https://allowed.example/") else {
                throw ServiceError(.invalidArgument, "setting base_url: host not in allowed_hosts")
            }
        }
    }

    func validate(credentials: [String: String], settings: [String: String]) async throws(ServiceError) {
        record("validate", credentials)
        if let error = script.withLock({ $0.validationError }) { throw error }
    }

    func listNetworks(
        credentials: [String: String],
        settings: [String: String],
        onPage: @escaping @Sendable ([UpstreamNetwork]) throws -> Void
    ) async throws(ServiceError) {
        record("list", credentials)
        let current = script.withLock { $0 }
        for (index, page) in current.pages.enumerated() {
            if let limit = current.failAfterPages, index >= limit { throw current.listingError }
            do {
                // Pages are handed over from a thread of the provider's own, as a plugin does: the sink blocks.
                try await onOwnThread { try onPage(page) }
            } catch let error as ServiceError {
                throw error
            } catch {
                throw ServiceError(.cancelled, "\(error)")
            }
            if current.holdListing && index == 0 { await gate.wait() }
        }
        if let limit = current.failAfterPages, limit >= current.pages.count { throw current.listingError }
    }

    func counts(credentials: [String: String], settings: [String: String]) async throws(ServiceError) -> NetworkCounts {
        record("counts", credentials)
        let current = script.withLock { $0 }
        if current.countsDelay > .zero {
            do { try await Task.sleep(for: current.countsDelay) } catch { throw ServiceError(.cancelled, "cancelled") }
        }
        if let error = current.countsError { throw error }
        return current.counts
    }

    private func record(_ call: String, _ credentials: [String: String]) {
        calls.withLock { $0.append(call) }
        credentialsSeen.withLock { $0.append(credentials) }
    }
}

/// The scripted providers by id.
struct ScriptedDirectory: ProviderDirectory {
    let providers: [String: ScriptedProvider]

    init(_ providers: [ScriptedProvider]) {
        self.providers = Dictionary(uniqueKeysWithValues: providers.map { ($0.id, $0) })
    }

    func provider(id: String) -> (any NetworkProvider)? { providers[id] }
    var catalog: [ProviderSummary] { providers.keys.sorted().compactMap { providers[$0].map(ProviderSummary.init) } }
    subscript(id: String) -> ScriptedProvider? { providers[id] }
}

/// A one-shot gate: `wait` suspends until `open`; `waitForWaiter` resolves once someone waits.
final class AsyncGate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var watchers: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func wait() async {
        await withCheckedContinuation { continuation in
            let (resumeNow, watchers) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                if state.isOpen { return (true, []) }
                state.waiters.append(continuation)
                defer { state.watchers = [] }
                return (false, state.watchers)
            }
            if resumeNow { continuation.resume() }
            for watcher in watchers { watcher.resume() }
        }
    }

    func waitForWaiter() async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                if !state.waiters.isEmpty || state.isOpen { return true }
                state.watchers.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// Networks for scripts: `count` networks named by index, optionally changed.
func upstreamNetworks(_ range: Range<Int>, organization: String = "org-1", suffix: String = "") -> [UpstreamNetwork] {
    range.map { index in
        UpstreamNetwork(
            externalID: "N_\(index)",
            name: "Network \(index)\(suffix)",
            organizationID: organization,
            raw: "{\"id\":\"N_\(index)\",\"name\":\"Network \(index)\(suffix)\",\"organizationId\":\"\(organization)\"}"
        )
    }
}
