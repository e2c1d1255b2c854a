// Large documents are parsed and linted on worker threads, so that the processing thread keeps reading
// and answering (hovers and edits on other documents) while a 16 MB document is checked. A newer edit
// cancels the lint of the older text; its result would never be published anyway (the processing thread
// installs a result only for the text and configuration it was computed from).
import FazhiLinter
import FazhiParser
import FazhiText
import Foundation

/// Set when a lint's result is no longer wanted (a newer edit, a close, shutdown); the worker polls it
/// between rules and stops.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}

/// One lint to run: everything it needs is a value (the text is an immutable snapshot).
struct LintJob: Sendable {
    let uri: String
    let version: Int
    /// `Document.textSerial` of the text, so that the result is installed only for that very text.
    let textSerial: Int
    let text: SourceText
    let config: LintConfig
    let generation: Int
    /// Set for push clients: the worker also serializes the publishDiagnostics parameters.
    let encoding: FazhiText.PositionEncoding?
    let cancel: CancelFlag
}

/// What a finished lint hands back.
struct LintOutcome: Sendable {
    let report: Report
    let diagnostics: [Diagnostic]
    /// `textDocument/publishDiagnostics` params, ready to send (push clients only).
    let publishParams: [UInt8]?
}

/// A small pool of threads (at most `width`) running `LintJob`s, never two for the same document at once;
/// a job submitted for a document replaces the one still waiting for it. Results go to `deliver` on the
/// worker thread (nil when the job was cancelled); the server hands them to its processing thread.
final class LintWorker: @unchecked Sendable {
    /// Documents up to this size are linted on the processing thread, as before: a few milliseconds, and
    /// the keystroke on a typical report pays no thread hop. Larger ones go to the workers.
    static let inlineLimit = 256 << 10

    private let cond = NSCondition()
    private var waiting: [LintJob] = []
    private var running: Set<String> = []
    private var threads = 0
    private var idleThreads = 0
    private let width: Int
    private let deliver: @Sendable (LintJob, LintOutcome?) -> Void

    init(width: Int = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount)), deliver: @escaping @Sendable (LintJob, LintOutcome?) -> Void) {
        self.width = width
        self.deliver = deliver
    }

    func submit(_ job: LintJob) {
        cond.lock()
        for old in waiting where old.uri == job.uri { old.cancel.set() }
        waiting.removeAll { $0.uri == job.uri }
        waiting.append(job)
        if idleThreads == 0 && threads < width {
            threads += 1
            let t = Thread { [self] in self.loop() }
            t.name = "fazhi-lint"
            // Deep reports and large inputs: the same room as the main thread.
            t.stackSize = 16 << 20
            t.start()
        }
        cond.broadcast()
        cond.unlock()
    }

    /// Jobs submitted and not finished (for tests of the server's state).
    var pendingCount: Int {
        cond.lock()
        defer { cond.unlock() }
        return waiting.count + running.count
    }

    private func next() -> LintJob {
        cond.lock()
        defer { cond.unlock() }
        while true {
            if let i = waiting.firstIndex(where: { !running.contains($0.uri) }) {
                let job = waiting.remove(at: i)
                running.insert(job.uri)
                return job
            }
            idleThreads += 1
            cond.wait()
            idleThreads -= 1
        }
    }

    private func loop() {
        while true {
            let job = next()
            let outcome = LintWorker.run(job)
            cond.lock()
            running.remove(job.uri)
            cond.broadcast()
            cond.unlock()
            deliver(job, outcome)
        }
    }

    /// Parses and lints (asking the job's flag between rules) and serializes the diagnostics.
    static func run(_ job: LintJob) -> LintOutcome? {
        if job.cancel.isSet { return nil }
        let linter = Linter(config: job.config)
        let report = ReportParser(profile: linter.profile).parse(job.text)
        // The rules on both cores: a keystroke on a large report is answered sooner (the other worker, if
        // busy, shares them).
        guard let diagnostics = linter.lint(report, isCancelled: { job.cancel.isSet }, parallel: true) else { return nil }
        if job.cancel.isSet { return nil }
        let params = job.encoding.map {
            DiagnosticWriter(uri: job.uri, text: job.text, encoding: $0).publishParams(version: job.version, diagnostics)
        }
        return LintOutcome(report: report, diagnostics: diagnostics, publishParams: params)
    }
}
