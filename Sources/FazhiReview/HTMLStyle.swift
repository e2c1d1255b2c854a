/// The sheet's stylesheet, inline so the file is self-contained: system fonts only (no web fonts, no
/// network), colours paired with symbols so the matrix reads in black-and-white print, and a print
/// stylesheet for A4 landscape (header rows repeated, rows not split, each report on a new page).
enum HTMLStyle {
    static let css = """
    :root {
      --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f3f5f7;
      --ok: #116329; --ok-bg: #d8f5de; --merged: #0a4fa8; --merged-bg: #dbeafe;
      --mention: #7a4d00; --mention-bg: #fff1c2; --miss: #a40e26; --miss-bg: #ffe0e0;
      --opt: #59636e; --opt-bg: #eef1f4; --accent: #8c1c13;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; padding: 24px 28px 48px; color: var(--ink); background: #fff; line-height: 1.6; font-size: 14px;
      font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
        "Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", sans-serif;
    }
    h1 { font-size: 22px; margin: 0 0 4px; letter-spacing: .05em; }
    h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 16px; margin: 0 0 6px; }
    h4 { font-size: 14px; margin: 16px 0 6px; }
    a { color: var(--merged); }
    .meta, .note, small { color: var(--muted); }
    nav { margin: 8px 0 0; font-size: 13px; }
    nav a { margin-right: 14px; }
    .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 16px; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 128px; }
    .card b { display: block; font-size: 22px; line-height: 1.3; }
    .card span { color: var(--muted); font-size: 12px; }
    .charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
    .chart h3 { font-size: 14px; }
    .chart svg { max-width: 100%; height: auto; }
    .legend { font-size: 12px; color: var(--muted); margin: 4px 0 8px; }
    .legend span { margin-right: 12px; white-space: nowrap; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; }
    table.matrix { width: 100%; font-size: 13px; }
    .matrix th, .matrix td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: middle; }
    .matrix thead th { background: var(--head); position: sticky; top: 0; z-index: 1; font-weight: 600; }
    .matrix td.unit { min-width: 9em; }
    .matrix td.unit small { display: block; font-size: 11px; word-break: break-all; }
    .matrix td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .matrix td.num.bad { color: var(--miss); font-weight: 600; }
    .matrix td.date { white-space: nowrap; }
    td.part, span.part { text-align: center; white-space: nowrap; }
    .sym { font-weight: 700; margin-right: 2px; }
    .p-separate { background: var(--ok-bg); color: var(--ok); }
    .p-merged { background: var(--merged-bg); color: var(--merged); }
    .p-mentioned { background: var(--mention-bg); color: var(--mention); }
    .p-missing { background: var(--miss-bg); color: var(--miss); font-weight: 600; }
    .p-optional { background: var(--opt-bg); color: var(--opt); }
    .d-onTime { color: var(--ok); }
    .d-late { background: var(--miss-bg); color: var(--miss); font-weight: 600; }
    .d-noDate, .d-noYear, .d-implausible { background: var(--mention-bg); color: var(--mention); }
    .c-high { background: var(--miss-bg); color: var(--miss); font-weight: 600; }
    .c-some { background: var(--mention-bg); color: var(--mention); }
    article.report { border-top: 1px solid var(--line); padding: 16px 0 8px; }
    .facts { margin: 0 0 8px; }
    .facts span { margin-right: 14px; white-space: nowrap; }
    ul.parts { list-style: none; padding: 0; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 6px; }
    ul.parts li { border-radius: 4px; padding: 2px 8px; font-size: 13px; }
    section.rule { margin: 10px 0 14px; }
    section.rule h5 { font-size: 14px; margin: 0 0 2px; }
    section.rule code { font-size: 12px; color: var(--muted); font-weight: normal; }
    .why { margin: 0 0 6px; font-size: 12px; color: var(--muted); }
    ol.findings { margin: 0; padding-left: 2em; }
    ol.findings li { margin: 4px 0 8px; }
    .place { color: var(--muted); font-size: 12px; margin-right: 6px; }
    blockquote { margin: 2px 0; padding: 2px 10px; border-left: 3px solid var(--line); background: #fafbfc; }
    mark { background: #ffd8a8; color: inherit; padding: 0 1px; border-bottom: 2px solid #d9480f; }
    ins { background: var(--ok-bg); text-decoration: none; border-bottom: 2px solid var(--ok); }
    .fix { margin: 2px 0; font-size: 13px; }
    .sev { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; margin-right: 6px; font-weight: 600; }
    .sev-error { background: var(--miss-bg); color: var(--miss); }
    .sev-warning { background: var(--mention-bg); color: var(--mention); }
    .sev-info, .sev-hint { background: var(--opt-bg); color: var(--opt); }
    table.copy { width: 100%; table-layout: fixed; margin: 6px 0 10px; font-size: 13px; }
    .copy th, .copy td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
    .copy th { background: var(--head); font-weight: 600; }
    .copy td mark { background: #e7e0ff; border-bottom: 2px dashed #5b3fc4; }
    .plan-repeat { padding: 4px 10px; background: var(--miss-bg); color: var(--miss); border-radius: 4px; display: inline-block; }
    table.pairs th, table.pairs td { border: 1px solid var(--line); padding: 3px 8px; font-size: 13px; }
    table.pairs th { background: var(--head); }
    .back { font-size: 12px; }
    footer { margin-top: 36px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
    @media (max-width: 720px) { body { padding: 12px; } .card { min-width: 45%; } }
    @media print {
      @page { size: A4 landscape; margin: 10mm 10mm 12mm; }
      body { padding: 0; font-size: 9.5pt; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      nav, .back { display: none; }
      .scroll { overflow: visible; }
      .matrix thead th { position: static; }
      thead { display: table-header-group; }
      tr, .card, blockquote, ol.findings li, .chart { break-inside: avoid; }
      h2, h3, h4, h5 { break-after: avoid; }
      section#reports > article.report { break-before: page; border-top: none; }
      a { color: inherit; text-decoration: none; }
      .matrix { font-size: 8.5pt; }
      h1 { font-size: 16pt; }
      h2 { margin: 14px 0 6px; font-size: 13pt; }
      .cards { gap: 6px; margin: 4px 0 8px; }
      .card { min-width: 0; padding: 3px 8px; }
      .card b { font-size: 13pt; }
      .charts { gap: 12px; flex-wrap: nowrap; }
    }
    """
}
