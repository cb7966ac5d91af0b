import HTTPClient
import PatchbayTestSupport
import Testing

@Suite struct RatePacingTests {
    private static let perSecond20 = RateBudget(scope: .provider, requests: 20, period: .seconds(1))

    @Test func slotsAreSpacedByTheBudgetWithoutBurst() {
        let limiter = RateLimiter(budgets: [Self.perSecond20], share: 1)
        let now = ContinuousClock.now

        let slots = (0..<40).map { _ in limiter.reserve(scopeKey: nil, credentialKey: nil, now: now) }

        #expect(slots.first == now)
        #expect(slots.last == now + .milliseconds(50) * 39)  // 40 requests at 20/s: 1.95 s from first to last
    }

    @Test func shareScalesTheBudget() {
        let limiter = RateLimiter(budgets: [Self.perSecond20], share: 0.5)
        let now = ContinuousClock.now

        let slots = (0..<40).map { _ in limiter.reserve(scopeKey: nil, credentialKey: nil, now: now) }

        #expect(slots.last == now + .milliseconds(100) * 39)
    }

    @Test func scopesAndCredentialsHaveIndependentBuckets() {
        let limiter = RateLimiter(
            budgets: [
                RateBudget(scope: .scope, requests: 10, period: .seconds(1)),
                RateBudget(scope: .credential, requests: 10, period: .seconds(1)),
            ],
            share: 1
        )
        let now = ContinuousClock.now

        let orgA = limiter.reserve(scopeKey: "org-a", credentialKey: "key-1", now: now)
        let orgB = limiter.reserve(scopeKey: "org-b", credentialKey: "key-2", now: now)
        let orgASecond = limiter.reserve(scopeKey: "org-a", credentialKey: "key-3", now: now)
        let keyOneSecond = limiter.reserve(scopeKey: "org-c", credentialKey: "key-1", now: now)

        #expect(orgA == now)
        #expect(orgB == now)
        #expect(orgASecond == now + .milliseconds(100))
        #expect(keyOneSecond == now + .milliseconds(100))
    }

    @Test func everyApplicableBudgetHolds() {
        let limiter = RateLimiter(
            budgets: [Self.perSecond20, RateBudget(scope: .scope, requests: 5, period: .seconds(1))],
            share: 1
        )
        let now = ContinuousClock.now

        let scoped = (0..<3).map { _ in limiter.reserve(scopeKey: "org", credentialKey: nil, now: now) }
        let unscoped = limiter.reserve(scopeKey: nil, credentialKey: nil, now: now)

        #expect(scoped == [now, now + .milliseconds(200), now + .milliseconds(400)])
        #expect(unscoped == now + .milliseconds(450))  // provider bucket: 50 ms after the last scoped slot
    }

    @Test func clientPacesRealRequestsByTheBudget() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { server in
            let full = HTTPClient.forTesting(allowing: [server.hostAndPort], rateBudgets: [Self.perSecond20])
            let half = HTTPClient.forTesting(
                allowing: [server.hostAndPort],
                rateBudgets: [Self.perSecond20],
                budgetShare: 0.5
            )
            let request = HTTPRequest(url: server.baseURL + "/x")

            let fullTime = try await ContinuousClock().measure {
                for _ in 0..<20 {
                    _ = try await full.send(request)
                }
            }
            let halfTime = try await ContinuousClock().measure {
                for _ in 0..<10 {
                    _ = try await half.send(request)
                }
            }

            #expect(server.requestCount == 30)
            #expect(fullTime >= .milliseconds(940))  // 19 intervals of 50 ms
            #expect(halfTime >= .milliseconds(890))  // 9 intervals of 100 ms
        }
    }

    @Test func clientPacesEachScopeOnItsOwn() async throws {
        try await withLoopbackServer(LoopbackServer.script([.text("ok")])) { server in
            let budget = RateBudget(scope: .scope, requests: 4, period: .seconds(1))
            let client = HTTPClient.forTesting(allowing: [server.hostAndPort], rateBudgets: [budget])

            let elapsed = try await ContinuousClock().measure {
                for index in 0..<8 {
                    let scope = index.isMultiple(of: 2) ? "org-a" : "org-b"
                    _ = try await client.send(HTTPRequest(url: server.baseURL + "/x", rateScopeKey: scope))
                }
            }

            // Each scope sends 4 requests (3 intervals of 250 ms); one shared bucket would need at least 1,750 ms.
            // The exact slots are pinned by scopesAndCredentialsHaveIndependentBuckets; this shows real requests wait.
            #expect(elapsed >= .milliseconds(740))
        }
    }
}
