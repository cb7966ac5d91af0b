import Synchronization

/// Converts between a `CallContext` and the opaque `patchbay_call *` a plugin hands back to host services.
///
/// A handle is a slot number and a generation, never a pointer: a plugin thread that uses a call after it returned
/// (the header forbids it, and plugins do it) gets nil here, so host services refuse it instead of dereferencing
/// freed memory.
enum CallHandle {
    private struct Table {
        var slots: [(generation: UInt32, context: CallContext?)] = []
        var free: [Int] = []
    }

    private static let table = Mutex(Table())

    /// Runs `body` with a handle for `context` that is valid only until `body` returns.
    static func with<Result>(_ context: CallContext, _ body: (OpaquePointer) -> Result) -> Result {
        let (index, generation) = table.withLock { table -> (Int, UInt32) in
            if let index = table.free.popLast() {
                table.slots[index].context = context
                return (index, table.slots[index].generation)
            }
            table.slots.append((0, context))
            return (table.slots.count - 1, 0)
        }
        defer {
            table.withLock { table in
                table.slots[index].context = nil
                table.slots[index].generation &+= 1
                table.free.append(index)
            }
        }
        // Slot + 1 in the low half, so no handle is NULL; the generation in the high half.
        let bits = UInt(generation) << 32 | UInt(index + 1)
        guard let handle = OpaquePointer(bitPattern: bits) else { preconditionFailure("a handle is never zero") }
        return body(handle)
    }

    /// The context of a call in flight; nil for NULL, a forged value, or a call that already returned.
    static func context(_ call: OpaquePointer?) -> CallContext? {
        guard let call else { return nil }
        let bits = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(call)))
        let index = Int(bits & 0xFFFF_FFFF) - 1
        let generation = UInt32(truncatingIfNeeded: bits >> 32)
        return table.withLock { table in
            guard index >= 0, index < table.slots.count, table.slots[index].generation == generation else { return nil }
            return table.slots[index].context
        }
    }
}
