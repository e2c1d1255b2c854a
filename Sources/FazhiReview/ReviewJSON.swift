import FazhiJSON

/// The sheet as JSON for other tools. The shape is documented in docs/review.md and stable within
/// `version` 1: fields may be added, none renamed or removed. Reports come in the sheet's order (worst
/// first); absent values are null rather than left out.
public enum ReviewJSON {
    public static let version = 1

    public static func render(_ sheet: ReviewSheet, generator: String = "fazhi") -> JSON {
        let p = sheet.parameters
        let s = sheet.summary
        let summary: JSON = [
            "reports": .int(s.reports), "partsComplete": .int(s.partsComplete), "withClosing": .int(s.withClosing),
            "onTime": .int(s.onTime), "late": .int(s.late), "undetermined": .int(s.undetermined),
            "withCopies": .int(s.withCopies), "planRepeats": .int(s.planRepeats),
            "counts": counts(s.counts),
            "defects": .array(s.defects.map { ["key": .string($0.key), "title": .string($0.title), "reports": .int($0.reports), "findings": .int($0.findings)] }),
            "parts": .array(s.parts.map {
                ["id": .string($0.id), "short": .string($0.short), "required": .bool($0.required), "separate": .int($0.separate), "merged": .int($0.merged),
                 "mentioned": .int($0.mentioned), "missing": .int($0.missing)]
            }),
        ]
        return [
            "version": .int(version),
            "generator": .string(generator),
            "deadline": .string(sheet.deadline.text),
            "copyDetection": [
                "k": .int(p.k), "w": .int(p.w), "minChars": .int(p.minChars), "minOwnChars": .int(p.minOwnChars),
                "mergeGap": .int(p.mergeGap), "commonThreshold": .int(sheet.commonThreshold),
                "planRepeatShare": .double(p.planRepeatShare),
            ],
            "columns": .array(sheet.columns.map { ["id": .string($0.id), "short": .string($0.short), "required": .bool($0.required)] }),
            "summary": summary,
            "reports": .array(sheet.entries.enumerated().map { report($1, rank: $0 + 1) }),
            "pairs": .array(sheet.pairs.map { ["first": other($0.first), "second": other($0.second), "passages": .int($0.passages), "chars": .int($0.chars)] }),
            "previous": .array(sheet.previous.map(other)),
            "skipped": .array(sheet.skipped.map { .string($0) }),
            "unreadable": .array(sheet.unreadable.map { .string($0) }),
        ]
    }

    static func report(_ e: ReviewEntry, rank: Int) -> JSON {
        var deadline: JSONObject = ["status": .string(e.deadline.key), "date": e.deadline.deadline.map { .string($0.description) } ?? .null]
        if case .late(_, let days) = e.deadline { deadline["daysLate"] = .int(days) } else { deadline["daysLate"] = .null }
        return [
            "rank": .int(rank),
            "path": .string(e.path),
            "unit": e.unit.map { ["name": .string($0.name), "kind": .string($0.kind)] } ?? .null,
            "year": e.year.map { .int($0) } ?? .null,
            "yearSource": e.yearSource.map { .string($0) } ?? .null,
            "parts": .array(e.parts.map(part)),
            "partsComplete": .bool(e.partsComplete),
            "date": e.date.map { d in
                ["text": .string(d.text), "year": d.year.map { .int($0) } ?? .null, "month": d.month.map { .int($0) } ?? .null,
                 "day": d.day.map { .int($0) } ?? .null]
            } ?? .null,
            "deadline": .object(deadline),
            "closing": .bool(e.hasClosing),
            "counts": counts(e.counts),
            "copy": copy(e.copy),
            "findings": .array(e.findings.map(finding)),
        ]
    }

    static func part(_ p: PartCell) -> JSON {
        [
            "id": .string(p.id), "short": .string(p.short), "required": .bool(p.required),
            "presence": .string(p.presence.rawValue), "label": .string(p.label),
            "headings": .array(p.headings.map { .string($0) }),
            "container": p.container.map { .string($0) } ?? .null,
            "evidence": p.evidence.map { .string($0) } ?? .null,
            "line": p.line.map { .int($0) } ?? .null,
        ]
    }

    static func counts(_ c: ReviewEntry.Counts) -> JSON {
        ["error": .int(c.error), "warning": .int(c.warning), "info": .int(c.info), "hint": .int(c.hint)]
    }

    static func rounded(_ x: Double) -> JSON { .double((x * 10_000).rounded() / 10_000) }

    static func copy(_ c: CopyFigures) -> JSON {
        [
            "share": rounded(c.share), "copiedChars": .int(c.copiedChars), "totalChars": .int(c.totalChars),
            "planRepeat": c.planRepeat.map { ["previous": other($0.previous), "share": rounded($0.share)] } ?? .null,
            "passages": .array(c.matches.map { m in
                [
                    "other": other(m.other), "chars": .int(m.chars), "matched": .int(m.matched),
                    "line": .int(m.line), "otherLine": .int(m.otherLine),
                    "text": .string(m.here.map(\.text).joined()), "otherText": .string(m.there.map(\.text).joined()),
                    "pieces": pieces(m.here), "otherPieces": pieces(m.there),
                ]
            }),
        ]
    }

    static func pieces(_ ps: [Piece]) -> JSON {
        .array(ps.map { ["text": .string($0.text), "changed": .bool($0.marked)] })
    }

    static func other(_ o: OtherReport) -> JSON {
        ["path": .string(o.path), "unit": o.unit.map { .string($0) } ?? .null, "year": o.year.map { .int($0) } ?? .null,
         "previous": .bool(o.isPrevious)]
    }

    static func finding(_ f: Finding) -> JSON {
        [
            "rule": .string(f.rule), "severity": .string(f.severity.rawValue), "message": .string(f.message),
            "line": .int(f.line), "column": .int(f.column), "place": .string(f.place),
            "context": ["before": .string(f.context.before), "flagged": .string(f.context.flagged), "after": .string(f.context.after)],
            "fix": f.fixTitle.map { t in
                ["title": .string(t), "preview": f.fixed.map { .string($0.map(\.text).joined()) } ?? .null]
            } ?? .null,
        ]
    }
}
