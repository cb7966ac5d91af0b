import Synchronization

/// Results of concurrent workers, each written once at its own index, read in order after all of them finish.
final class OrderedResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    subscript(index: Int) -> Value? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }

    /// The values written so far, in index order.
    var values: [Value] { slots.withLock { $0.compactMap(\.self) } }
}
