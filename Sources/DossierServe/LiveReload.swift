/// What connected browsers are told: after each rebuild they reload; while the last rebuild failed they show its problems over the page.
public actor LiveReload {
    /// What one page is sent over its event stream.
    enum Event: Sendable {
        case reload
        case problem(String)
        case keepAlive

        /// The event as Server-Sent Events text, one `data:` line per line of a problem.
        var text: String {
            switch self {
            case .reload:
                return "event: reload\ndata: reload\n\n"
            case .problem(let problems):
                var lines = problems[...]
                while lines.last?.isNewline == true { lines.removeLast() }
                let data = lines.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                    .map { "data: \($0)\n" }.joined()
                return "event: problem\n" + data + "\n"
            case .keepAlive:
                return ": keep-alive\n\n"
            }
        }
    }

    private var problems: String?
    private var pages: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextPage = 0

    /// Starts with no pages connected and no problems.
    public init() {}

    /// A rebuild succeeded: every connected page reloads (and any problem overlay goes away).
    public func rebuilt() {
        problems = nil
        send(.reload)
    }

    /// A rebuild failed: every connected page shows `problems` (plain text, one `path:line:column: error: message` per line) in an overlay until the next `rebuilt()`. Pages loaded while it stands show it at once.
    public func failed(_ problems: String) {
        self.problems = problems
        send(.problem(problems))
    }

    /// Sends later events to `page` until it finishes, starting with the standing problems if there are any.
    func connect(_ page: AsyncStream<Event>.Continuation) {
        let id = nextPage
        nextPage += 1
        pages[id] = page
        page.onTermination = { _ in Task { await self.disconnect(id) } }
        if let problems {
            page.yield(.problem(problems))
        }
    }

    private func disconnect(_ id: Int) {
        pages[id] = nil
    }

    private func send(_ event: Event) {
        for page in pages.values {
            page.yield(event)
        }
    }
}
