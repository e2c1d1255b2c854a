import FazhiLinter
import FazhiParser
import FazhiText

extension ReviewEntry {
    /// Builds a report's entry from its model and findings. `place` names where an offset is for people
    /// (a Word document's 第N段第M字); by default 第L行第C字.
    public init(path: String, report: Report, diagnostics: [Diagnostic], deadline: Deadline = .publication,
                place: ((Int) -> String?)? = nil) {
        let src = report.source
        self.path = path
        unit = report.unit.map { Unit(name: $0.name, kind: $0.kind.rawValue) }
        year = report.year
        yearSource = report.yearSource.map { s in
            switch s {
            case .title: return "标题"
            case .opening: return "开头"
            case .heading: return "部分标题"
            case .body: return "正文（推断）"
            }
        }
        parts = report.partStatus.compactMap { st in
            guard let part = report.profile.part(st.id) else { return nil }
            let heads = st.headings.filter { $0 < report.headings.count }
            let line = heads.first.map { report.headings[$0].line + 1 } ?? st.evidence.map { src.line(of: $0.start) + 1 }
            return PartCell(id: st.id, short: part.short, required: part.required, presence: st.presence,
                            headings: heads.map { report.headings[$0].text },
                            container: st.container.flatMap { $0 < report.headings.count ? report.headings[$0].text : nil },
                            evidence: st.evidence.map { Excerpts.clip(src.string($0), limit: 80) }, line: line)
        }
        date = report.closing.date.map { DateCell(text: src.string($0.range), year: $0.year, month: $0.month, day: $0.day) }
        self.deadline = deadline.status(reportYear: report.year, date: date)
        hasClosing = report.isComplete
        var c = Counts()
        for d in diagnostics {
            switch d.severity {
            case .error: c.error += 1
            case .warning: c.warning += 1
            case .info: c.info += 1
            case .hint: c.hint += 1
            }
        }
        counts = c
        findings = diagnostics.map { d in
            let p = src.position(of: d.range.start, encoding: .utf32)
            let context = Excerpts.sentence(src, d.range)
            var fixTitle: String?
            var fixed: [Piece]?
            if let f = d.fixes.first {
                fixTitle = f.title
                fixed = Excerpts.preview(src, context: Excerpts.sentenceRange(src, d.range), edits: f.edits)
            }
            return Finding(rule: d.rule, severity: d.severity, message: d.message, line: p.line + 1, column: p.character + 1,
                           place: place?(d.range.start) ?? "第\(p.line + 1)行第\(p.character + 1)字",
                           context: context, fixTitle: fixTitle, fixed: fixed)
        }
    }
}

/// Sentences around a finding, cut from the source bytes (no `Character` iteration).
public enum Excerpts {
    /// At most this many characters on each side of the flagged words.
    static let sideLimit = 60
    /// Flagged words longer than this are shortened in the middle.
    static let flaggedLimit = 120

    /// The sentence holding `range`: back to the previous 。！？； or line start, forward to the next one
    /// (included) or the line end, at most `sideLimit` characters each way.
    public static func sentenceRange(_ src: SourceText, _ range: TextRange) -> TextRange {
        let start = max(0, min(range.start, src.count)), end = max(start, min(range.end, src.count))
        return src.bytes.withUnsafeBufferPointer { p -> TextRange in
            var s = start
            var n = 0
            while s > 0 && n < sideLimit {
                let (v, len) = Scalars.decodeBefore(p, s)
                if v == 0x0A || v == 0x0D || isStop(v) { break }
                s -= len
                n += 1
            }
            var e = end
            n = 0
            while e < p.count && n < sideLimit {
                let (v, len) = Scalars.decode(p, e)
                if v == 0x0A || v == 0x0D { break }
                e += len
                n += 1
                if isStop(v) { break }
            }
            // Leading spaces (indentation) say nothing.
            while s < start {
                let (v, len) = Scalars.decode(p, s)
                guard Scalars.isSpace(v) else { break }
                s += len
            }
            return TextRange(s, e)
        }
    }

    public static func sentence(_ src: SourceText, _ range: TextRange) -> Excerpt {
        let r = sentenceRange(src, range)
        let start = max(r.start, min(range.start, src.count)), end = max(start, min(range.end, r.end))
        let before = src.string(TextRange(r.start, start))
        let flagged = src.string(TextRange(start, end))
        let after = src.string(TextRange(end, r.end))
        let cutBefore = r.start > 0 && !endsSentence(src, before: r.start)
        let cutAfter = r.end < src.count && !endsSentence(src, before: r.end) && !startsLine(src, r.end) && src.bytes[r.end] != 0x0A && src.bytes[r.end] != 0x0D
        return Excerpt(before: (cutBefore ? "…" : "") + before, flagged: clip(flagged, limit: flaggedLimit),
                       after: after + (cutAfter ? "…" : ""))
    }

    /// Whether the character before `offset` ends a sentence or a line (or is indentation).
    static func endsSentence(_ src: SourceText, before offset: Int) -> Bool {
        src.bytes.withUnsafeBufferPointer { p in
            let (v, _) = Scalars.decodeBefore(p, offset)
            return v == 0x0A || v == 0x0D || isStop(v) || Scalars.isSpace(v)
        }
    }

    /// The sentence as it reads after applying `edits`, the changed words marked; nil when an edit reaches
    /// outside the sentence (the fix is described by its title alone then).
    public static func preview(_ src: SourceText, context: TextRange, edits: [TextEdit]) -> [Piece]? {
        let sorted = edits.sorted { $0.range.start < $1.range.start }
        guard !sorted.isEmpty, sorted.allSatisfy({ context.contains($0.range) || ($0.range.isEmpty && $0.range.start == context.end) })
        else { return nil }
        var pieces: [Piece] = []
        var pos = context.start
        for e in sorted {
            guard e.range.start >= pos else { return nil }
            if e.range.start > pos { pieces.append(Piece(src.string(TextRange(pos, e.range.start)), marked: false)) }
            pieces.append(Piece(e.newText, marked: true))
            pos = e.range.end
        }
        if context.end > pos { pieces.append(Piece(src.string(TextRange(pos, context.end)), marked: false)) }
        return pieces
    }

    /// Shortens `s` to about `limit` characters, keeping both ends.
    public static func clip(_ s: String, limit: Int) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count > limit else { return s }
        let head = limit * 2 / 3, tail = limit - head - 1
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[..<head])
        v.append("…")
        v.append(contentsOf: scalars[(scalars.count - tail)...])
        return String(v)
    }

    static func startsLine(_ src: SourceText, _ offset: Int) -> Bool {
        offset == 0 || src.bytes[offset - 1] == 0x0A || src.bytes[offset - 1] == 0x0D
    }

    /// 。！？； and their half-width forms end a sentence for this purpose.
    @inline(__always)
    static func isStop(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0xFF1B || v == 0x21 || v == 0x3F || v == 0x3B
    }
}
