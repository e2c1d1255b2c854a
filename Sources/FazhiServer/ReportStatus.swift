// Applies report detection (FazhiParser/ReportDetection.swift) to open documents: only reports get
// diagnostics. A file pattern from the settings or `.fazhi.json` (`files`) and the command
// `fazhi.checkDocument` override the detection. The user is told why a document is left alone: clients
// that opt in (`capabilities.experimental.fazhiStatus`) get a `fazhi/status` notification for their
// status line, others a log message.
import FazhiJSON
import FazhiLinter
import FazhiParser
import Foundation
import LSPKit

extension Document {
    /// The findings shown to the user: none for a document that is not a report.
    var shownDiagnostics: [Diagnostic] { verdict?.isReport == false ? [] : diagnostics }
}

extension FazhiLanguageServer {
    /// Decides again after an analysis; tells the client when the decision or its reason changed.
    func updateVerdict(_ doc: Document) {
        guard let report = doc.report else { return }
        let verdict: ReportVerdict
        if doc.checkAnyway {
            verdict = ReportVerdict(isReport: true, reason: "已选择“仍然检查此文档”")
        } else if let pattern = config.filePattern(forDocument: doc.uri) {
            verdict = ReportVerdict(isReport: true, reason: "文件名符合设置 files 中的“\(pattern)”，按报告检查")
        } else {
            verdict = ReportDetection.assess(report)
        }
        let before = doc.verdict
        doc.verdict = verdict
        guard before != verdict else { return }
        // While a report is typed the reason changes often; tell only when checking starts or stops.
        if let before, before.isReport == verdict.isReport { return }
        sendStatus(doc)
    }

    func sendStatus(_ doc: Document) {
        guard let v = doc.verdict else { return }
        if extras.statusNotification {
            client?.sendNotification("fazhi/status", params: ["uri": .string(doc.uri), "checked": .bool(v.isReport), "reason": .string(v.reason)])
        }
        if !v.isReport {
            let name = URIs.path(doc.uri).map { ($0 as NSString).lastPathComponent } ?? doc.uri
            log("\(name)：\(v.reason)。如需检查，请执行命令 \(Commands.checkDocument)（仍然检查此文档），或在 .fazhi.json 的 files 中写上文件名模式（如 \"**/*报告*.txt\"）。", type: .info)
        }
    }

    /// `fazhi.checkDocument`: check this document whatever detection says (until it is closed).
    func checkAnyway(_ uri: String) -> JSON {
        guard let doc = documents[uri] else { return ["checked": false, "reason": "文档未打开"] }
        doc.checkAnyway = true
        doc.invalidate()
        analyze(doc)
        if caps.pullDiagnostics {
            if caps.diagnosticRefreshSupport { client?.refreshDiagnostics() }
        } else {
            // Before the answer, not at the next idle: a client that stops reading at the answer of its
            // synchronous request (eglot) would otherwise leave the findings unread until more output comes.
            publish(doc)
        }
        return ["checked": true, "reason": .string(doc.verdict?.reason ?? "")]
    }
}
