import Foundation
import NIOCore

/// The API's OpenAPI 3.1 document, `openapi.yaml` beside this file, written by hand next to the routes and shipped as
/// a resource of this target. `OpenAPITests` keeps it true: its paths and methods are exactly the router's, and every
/// status it lists is one a real call returned.
enum OpenAPIDocument {
    /// The document's bytes, read once; nil when the resource is missing from the build.
    static let yaml: ByteBuffer? = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { FileManager.default.contents(atPath: $0.path) }
        .map { ByteBuffer(bytes: $0) }
}
