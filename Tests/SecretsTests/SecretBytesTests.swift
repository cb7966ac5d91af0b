import Secrets
import Testing

@Suite struct SecretBytesTests {
    @Test func neverPrintsItsContent() {
        let canary = "sk-canary-secret-bytes"
        let secret = SecretBytes(utf8: canary)
        var dumped = ""
        dump(secret, to: &dumped)
        for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped] {
            #expect(!text.contains(canary))
            #expect(text.contains("<redacted>") || text.contains("SecretBytes"))
        }
        #expect(secret.description == "<redacted>")
    }

    @Test func readsBackWhatItWasBuiltFrom() throws {
        #expect(try SecretBytes(utf8: "hunter2").withBytes { Array($0) } == Array("hunter2".utf8))
        #expect(try SecretBytes([1, 2, 3]).withBytes { $0 } == [1, 2, 3])
        #expect(SecretBytes([1, 2, 3]).count == 3)
    }

    @Test func wipeMakesLaterReadsThrow() throws {
        let secret = SecretBytes(utf8: "hunter2")
        secret.wipe()
        #expect(throws: SecretsError(.secretWiped)) { try secret.withBytes { $0 } }
        #expect(secret.count == 7)
    }

    @Test func initWipingEmptiesTheSource() throws {
        var source: [UInt8] = [9, 8, 7]
        let secret = SecretBytes(wiping: &source)
        #expect(source.isEmpty)
        #expect(try secret.withBytes { $0 } == [9, 8, 7])
    }
}
