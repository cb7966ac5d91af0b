import PatchbayProviderABI
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The host end of one runner's socket: whole frames in and out (`Sources/PatchbayPluginRunner/wire.h`).
///
/// Any thread may send (a lock keeps frames whole); one thread receives.
final class RunnerChannel: @unchecked Sendable {  // the descriptor is fixed; sends are serialized by `sending`
    private let descriptor: Int32
    private let sending = Mutex(())

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Sends one frame; false when the runner is gone.
    @discardableResult
    func send(_ kind: RunnerFrame.Kind, call: UInt32, payload: [UInt8] = []) -> Bool {
        payload.withUnsafeBytes { bytes in
            send(kind, call: call, parts: [(bytes.baseAddress, bytes.count)])
        }
    }

    /// Sends a WIRE_CALL frame whose credentials go from the zeroed temporary buffer straight to the socket, never
    /// through a growable array.
    @discardableResult
    func sendCall(call: UInt32, kind: RunnerFrame.CallKind, instance: UInt32, input: PluginCallInput) -> Bool {
        let write = { (secret: patchbay_buffer) -> Bool in
            var prefix = WireWriter()
            prefix.u8(kind.rawValue)
            prefix.u32(instance)
            prefix.u32(UInt32(secret.length))
            return prefix.bytes.withUnsafeBytes { head in
                self.send(
                    .call,
                    call: call,
                    parts: [(head.baseAddress, head.count), (UnsafeRawPointer(secret.data), secret.length)]
                )
            }
        }
        switch input {
        case .fields(let credentials): return SecretBuffer.with(credentials, write)
        case .bytes(let bytes): return SecretBuffer.with(bytes: bytes, write)
        }
    }

    private func send(_ kind: RunnerFrame.Kind, call: UInt32, parts: [(UnsafeRawPointer?, Int)]) -> Bool {
        let length = parts.reduce(0) { $0 + $1.1 }
        var header = WireWriter()
        header.u32(UInt32(length))
        header.u32(UInt32(kind.rawValue))  // type u16 + reserved u16, little-endian
        header.u32(call)
        return header.bytes.withUnsafeBytes { head in
            var vectors = [iovec(iov_base: UnsafeMutableRawPointer(mutating: head.baseAddress), iov_len: head.count)]
            for (base, count) in parts where count > 0 {
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: count))
            }
            return sending.withLock { _ in writeAll(&vectors) }
        }
    }

    private func writeAll(_ vectors: inout [iovec]) -> Bool {
        var first = 0
        while first < vectors.count {
            // sendmsg with MSG_NOSIGNAL, not writev: a runner that died must not kill the host with SIGPIPE.
            let written = vectors[first...].withUnsafeMutableBufferPointer { parts in
                var message = msghdr()
                message.msg_iov = parts.baseAddress
                message.msg_iovlen = parts.count
                return sendmsg(descriptor, &message, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            var left = written
            while first < vectors.count, left >= vectors[first].iov_len {
                left -= vectors[first].iov_len
                first += 1
            }
            if first < vectors.count, left > 0 {
                vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
                vectors[first].iov_len -= left
            }
        }
        return true
    }

    /// What one receive produced.
    enum Received {
        case frame(RunnerFrame)
        /// The runner closed its end (it exited, crashed or was killed).
        case closed
        case timedOut
    }

    /// Waits for the next frame; `timeout` nil waits as long as it takes.
    func receive(timeout: Duration? = nil) -> Received {
        var header = [UInt8](repeating: 0, count: 12)
        let deadline = timeout.map { ContinuousClock.now + $0 }
        switch readAll(&header, deadline: deadline) {
        case .complete: break
        case .timedOut: return .timedOut
        case .closed: return .closed
        }
        var reader = WireReader(header)
        let length = reader.u32()
        let type = UInt16(truncatingIfNeeded: reader.u32())
        let call = reader.u32()
        guard length <= 256 << 20 else { return .closed }
        var payload = [UInt8](repeating: 0, count: Int(length))
        // Once a header arrived the rest follows promptly; no deadline for it.
        guard readAll(&payload, deadline: nil) == .complete else { return .closed }
        return .frame(RunnerFrame(type: type, call: call, payload: payload))
    }

    private enum ReadEnd {
        case complete
        case closed
        case timedOut
    }

    private func readAll(_ buffer: inout [UInt8], deadline: ContinuousClock.Instant?) -> ReadEnd {
        var offset = 0
        while offset < buffer.count {
            if let deadline {
                let left = deadline - ContinuousClock.now
                // Rounded up: poll counts whole milliseconds, and waking short of the deadline is no timeout.
                let milliseconds = max(
                    Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1),
                    0
                )
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, milliseconds)
                if ready < 0 && errno == EINTR { continue }
                if ready == 0 {
                    if ContinuousClock.now >= deadline { return .timedOut }
                    continue
                }
            }
            let count = buffer.withUnsafeMutableBytes { bytes in
                read(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return .closed }
            offset += count
        }
        return .complete
    }

    /// Ends both directions, so the receiving thread sees the end of the stream.
    func shutDown() {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }
}
