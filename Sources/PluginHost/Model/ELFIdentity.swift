import Foundation

/// Why a library file cannot be loaded on this machine, read from its ELF header: the loader says only "No such file or
/// directory" for a library built for another architecture, and "wrong ELF class" without naming either side.
enum ELFIdentity {
    /// A description of the mismatch (e.g. "is a 64-bit aarch64 library, this host runs 64-bit x86_64"), or nil
    /// when the file is not ELF or matches this machine (then the loader's own reason stands).
    static func mismatch(at path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20,
            Array(header.prefix(4)) == [0x7F, 0x45, 0x4C, 0x46]
        else { return nil }
        let bytes = Array(header)
        let bits = bytes[4] == 1 ? 32 : bytes[4] == 2 ? 64 : 0
        let machine =
            bytes[5] == 2 ? UInt16(bytes[18]) << 8 | UInt16(bytes[19]) : UInt16(bytes[19]) << 8 | UInt16(bytes[18])
        guard bits != hostBits || machine != hostMachine else { return nil }
        return "is a \(bits)-bit \(name(of: machine)) library, this host runs \(hostBits)-bit \(name(of: hostMachine))"
    }

    #if arch(x86_64)
    static let hostMachine: UInt16 = 62
    #elseif arch(arm64)
    static let hostMachine: UInt16 = 183
    #else
    static let hostMachine: UInt16 = 0
    #endif
    static let hostBits = MemoryLayout<Int>.size * 8

    private static func name(of machine: UInt16) -> String {
        switch machine {
        case 3: "i386"
        case 40: "arm"
        case 62: "x86_64"
        case 183: "aarch64"
        case 243: "riscv"
        case 8: "mips"
        case 21: "ppc64"
        case 22: "s390"
        default: "machine \(machine)"
        }
    }
}
