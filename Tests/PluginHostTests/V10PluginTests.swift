import Logging
import PatchbayCore
import PatchbayTestSupport
import PluginHost
import Testing

/// A plugin built from the ABI 1.0 header (a 168-byte descriptor without the 1.1 fields) loads and answers in this
/// 1.1 host, in both isolation modes.
@Suite struct V10PluginTests {
    static let built: Result<TemporaryDirectory, CCompilerError> = {
        do {
            let directory = try TemporaryDirectory.make(prefix: "patchbay-v10")
            try CCompiler.find().buildSharedLibrary(
                sources: [PackagePaths.source("Plugins/ExampleC/example.c")],
                output: directory.file("libexample_v10.so"),
                includeDirectories: [PackagePaths.source("Tests/PluginHostTests/Fixtures/v1_0")],
                strict: true
            )
            return .success(directory)
        } catch let error as CCompilerError {
            return .failure(error)
        } catch {
            return .failure(CCompilerError(message: "\(error)"))
        }
    }()

    @Test(arguments: [ManifestEntry.Isolation.process, .inProcess])
    func exampleBuiltAgainstTheV10HeaderLoadsAndAnswers(_ isolation: ManifestEntry.Isolation) async throws {
        let library = try await onOwnThread { try Self.built.get() }.file("libexample_v10.so")
        let entry = ManifestEntry(path: library, settings: ["greeting": "hi"], isolation: isolation)
        let registry = try await onOwnThread {
            ProviderRegistry(manifest: Manifest(file: "plugins.yaml", entries: [entry]), logger: Logger(label: "test"))
        }
        let example = try #require(registry.provider(id: "example"), "\(registry.plugins.map(\.error))")
        #expect(example.descriptor.abi == "1.0")
        #expect(example.descriptor.extensions == [])
        #expect(example.supportsCounts)
        let credentials = ProviderCredentials(fields: ["token": "tok"])
        let validation = try await example.validate(credentials: credentials)
        #expect(validation.account == "hi from the example provider")
        let counts = try await example.counts(credentials: credentials)
        #expect(counts.networks > 0)
    }
}
