import DossierCore
import Yams

/// A content file split into its YAML front matter (between `---` lines at
/// the top) and the Markdown body after it.
public struct FrontMatterSplit: Sendable {
    /// The YAML text, or nil when the file has no front matter.
    public var yaml: String?
    /// The file line on which the YAML starts (the line after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// The file line on which the body starts.
    public var bodyLine: Int

    /// Splits `text`. A front matter block that is opened but never closed is
    /// reported and the whole file is taken as the body.
    public static func split(_ text: String, path: String) -> (FrontMatterSplit, [Diagnostic]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingWhitespace() == "---" else {
            return (FrontMatterSplit(yaml: nil, yamlLine: 1, body: text, bodyLine: 1), [])
        }
        for index in lines.indices.dropFirst() {
            let line = lines[index].trimmingTrailingWhitespace()
            if line == "---" || line == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return (FrontMatterSplit(yaml: yaml, yamlLine: 2, body: body, bodyLine: index + 2), [])
            }
        }
        let problem = Diagnostic.error(SourceLocation(path: path, line: 1, column: 1),
                                       "front matter opened with '---' is never closed")
        return (FrontMatterSplit(yaml: nil, yamlLine: 1, body: text, bodyLine: 1), [problem])
    }
}

/// A type that front matter decodes into. Its coding keys are the only keys
/// a file may use; any other key is an error.
public protocol FrontMatterSchema: Decodable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}

/// Front matter parsed into a YAML mapping that remembers where each key
/// and value stands in the file, so every problem can be located.
public struct FrontMatterDocument {
    public let path: String
    let mapping: Node.Mapping?
    let firstLine: Int

    /// Parses `yaml`, which starts on line `firstLine` of the file at `path`.
    /// Malformed YAML, duplicate keys and a document that is not a mapping
    /// are reported; the result is nil then.
    public static func parse(_ yaml: String, path: String, firstLine: Int) -> (FrontMatterDocument?, [Diagnostic]) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)  // the default reads the environment on every call
        } catch let error as YamlError {
            return (nil, [locate(error, path: path, firstLine: firstLine)])
        } catch {
            return (nil, [.error(SourceLocation(path: path, line: firstLine), "\(error)")])
        }
        switch node {
        case nil:
            return (FrontMatterDocument(path: path, mapping: nil, firstLine: firstLine), [])
        case .mapping(let mapping)?:
            return (FrontMatterDocument(path: path, mapping: mapping, firstLine: firstLine), [])
        case let other?:
            let location = FrontMatterDocument(path: path, mapping: nil, firstLine: firstLine).location(of: other)
            return (nil, [.error(location, "front matter must be a mapping of keys to values, found \(describe(other))")])
        }
    }

    /// Decodes the mapping into `T` with Yams' `YAMLDecoder`. Unknown keys,
    /// missing required keys and values of the wrong type are errors with the
    /// location of the offending key or value.
    public func decode<T: FrontMatterSchema>(_ type: T.Type) -> (T?, [Diagnostic]) {
        let known = T.CodingKeys.allCases.map(\.stringValue)
        var problems: [Diagnostic] = []
        for (key, _) in mapping ?? Node.Mapping([]) {
            guard let name = key.string, known.contains(name) else {
                let list = known.joined(separator: ", ")
                problems.append(.error(location(of: key), "unknown key '\(key.string ?? "?")' (expected one of: \(list))"))
                continue
            }
        }
        do {
            let value = try frontMatterDecoder.decode(T.self, from: Node.mapping(mapping ?? Node.Mapping([])))
            return (problems.isEmpty ? value : nil, problems)
        } catch let error as DecodingError {
            problems.append(describe(error))
            return (nil, problems)
        } catch {
            problems.append(.error(SourceLocation(path: path, line: firstLine), "\(error)"))
            return (nil, problems)
        }
    }

    /// The location of the value stored under `key`, or of the front matter's
    /// start when the key is absent.
    public func location(ofValueFor key: String) -> SourceLocation {
        guard let mapping, let value = mapping[key] else { return SourceLocation(path: path, line: max(1, firstLine - 1)) }
        return location(of: value)
    }

    /// The location of item `index` of the list stored under `key`, or of
    /// the key's value when it is not a list that long.
    public func location(ofValueFor key: String, item index: Int) -> SourceLocation {
        guard let mapping, case .sequence(let sequence)? = mapping[key], index < sequence.count else {
            return location(ofValueFor: key)
        }
        return location(of: sequence[index])
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    private func describe(_ error: DecodingError) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, _):
            return .error(SourceLocation(path: path, line: max(1, firstLine - 1)), "missing required key '\(key.stringValue)'")
        case .typeMismatch(let expected, let context), .valueNotFound(let expected, let context):
            let node = self.node(at: context.codingPath)
            let found = node.map(FrontMatterDocument.describe) ?? "nothing"
            return .error(node.map(location(of:)) ?? SourceLocation(path: path, line: firstLine),
                          "'\(Self.keyPath(context.codingPath))' must be \(Self.describe(expected)), found \(found)")
        case .dataCorrupted(let context):
            let node = self.node(at: context.codingPath)
            return .error(node.map(location(of:)) ?? SourceLocation(path: path, line: firstLine),
                          "'\(Self.keyPath(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return .error(SourceLocation(path: path, line: firstLine), "\(error)")
        }
    }

    private func node(at codingPath: [any CodingKey]) -> Node? {
        var current: Node? = mapping.map(Node.mapping)
        for key in codingPath {
            switch current {
            case .mapping(let mapping)?: current = mapping[key.stringValue]
            case .sequence(let sequence)?: current = key.intValue.flatMap { $0 < sequence.count ? sequence[$0] : nil }
            default: return current
            }
        }
        return current
    }

    private static func keyPath(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Node.Scalar.Type: return "a string"
        case is Node.Sequence.Type: return "a list"
        case is Node.Mapping.Type: return "a mapping"
        case is [String].Type: return "a list of strings"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        default: return "a \(type)"
        }
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func locate(_ error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The context (where the unfinished construct began) says more than
            // where libyaml gave up, which is often the end of the input.
            let detail = context.map { "\($0.text): \(problem)" } ?? problem
            return .error(at(context?.mark ?? mark), "malformed YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at(context.mark), "duplicate key \(names)")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstLine), "unreadable YAML: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: firstLine), "malformed YAML: \(error)")
        }
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}

/// The decoder of every file's front matter, made once: making a
/// `YAMLDecoder` reads the whole process environment (for Yams' default
/// encoding, before ours replaces it), which took longer than decoding a
/// small front matter. Decoding reads the decoder's options and changes
/// nothing in it, so the files' tasks share it.
nonisolated(unsafe) private let frontMatterDecoder = YAMLDecoder(encoding: .utf8)
