import Yams

extension ManifestParser {
    /// A mapping whose keys are all in `keys`, each at most once.
    func mapping(_ node: Node, _ what: String, keys: [String]) throws(ManifestError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(
                at: node,
                "\(what) must be a mapping of keys, found \(describe(node)); write `key: value` lines"
            )
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw error(at: key, "\(what) has a key that is not text") }
            guard keys.contains(scalar.string) else {
                throw error(
                    at: key,
                    "unknown key '\(scalar.string)' in \(what); expected one of: \(keys.joined(separator: ", "))"
                )
            }
            guard fields[scalar.string] == nil else {
                throw error(at: key, "duplicate key '\(scalar.string)' in \(what); keep one")
            }
            fields[scalar.string] = value
        }
        return fields
    }

    func string(_ node: Node, _ field: String) throws(ManifestError) -> String {
        guard case .scalar(let scalar) = node, scalar.tag != Tag(.null) else {
            throw error(at: node, "`\(field)` must be text, found \(describe(node)); write a plain value")
        }
        return scalar.string
    }

    func settings(_ node: Node) throws(ManifestError) -> [String: String] {
        if case .scalar(let scalar) = node, scalar.tag == Tag(.null) { return [:] }
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "`settings` must be a mapping, found \(describe(node)); write `name: value` lines")
        }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            let name = try string(key, "settings key")
            guard result[name] == nil else { throw error(at: key, "duplicate setting '\(name)'; keep one") }
            switch value {
            case .scalar(let scalar):
                result[name] = scalar.tag == Tag(.null) ? "" : scalar.string
            case .sequence(let list):
                var parts: [String] = []
                for item in list { parts.append(try string(item, "settings.\(name)[]")) }
                result[name] = parts.joined(separator: ",")
            default:
                throw error(
                    at: value,
                    "`settings.\(name)` must be a value or a list, found \(describe(value)); flatten it"
                )
            }
        }
        return result
    }

    func allowedHosts(_ node: Node) throws(ManifestError) -> [String]? {
        if case .scalar(let scalar) = node, scalar.tag == Tag(.null) { return nil }
        guard case .sequence(let list) = node else {
            throw error(at: node, "`allowed_hosts` must be a list, found \(describe(node)); write `- host` lines")
        }
        var hosts: [String] = []
        for item in list {
            let host = try string(item, "allowed_hosts[]")
            guard AllowedHosts.isValid(host) else {
                throw error(
                    at: item,
                    "`allowed_hosts` entry '\(host)' is not a host; write \(AllowedHosts.acceptedForms)"
                )
            }
            hosts.append(host)
        }
        return hosts
    }

    func budgetShare(_ node: Node) throws(ManifestError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite, value > 0, value <= 1
        else {
            throw error(
                at: node,
                "`budget_share` must be a number in (0, 1], found \(describe(node)); e.g. 0.5 to use half the budget"
            )
        }
        return value
    }

    /// A SHA-256 digest: 64 hex digits, either case; kept lower-case.
    func sha256(_ node: Node) throws(ManifestError) -> String {
        let value = try string(node, "sha256").lowercased()
        guard value.utf8.count == 64, value.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else {
            throw error(
                at: node,
                "`sha256` must be 64 hex digits, found \(describe(node)); write the output of `sha256sum FILE`"
            )
        }
        return value
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.tag == Tag(.null) ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func error(at node: Node, _ message: String) -> ManifestError {
        ManifestError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    func syntaxError(_ error: any Error) -> ManifestError {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
            return ManifestError(
                file: file,
                line: mark.line,
                column: mark.column,
                message: "not valid YAML (\(detail)); fix the syntax"
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ManifestError(
                file: file,
                line: context.mark.line,
                column: context.mark.column,
                message: "duplicate key \(keys) in one mapping; keep one"
            )
        default:
            return ManifestError(file: file, line: 1, column: 1, message: "not valid YAML (\(error)); fix the syntax")
        }
    }
}
