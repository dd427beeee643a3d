extension HTMLDocument {
  /// CSS for reading on screen and printing on A4 or Letter paper, using only the fonts the
  /// reader's system has.
  ///
  /// Page margins of 15 mm suit both paper sizes, so the printer's paper size is left alone.
  /// Headings stay with what follows them; figures, tables, code and exercises
  /// (``HTMLNode/exercise(_:)``) are not split across pages; SVG pictures shrink to the width of
  /// the text. Only outermost `<svg>` elements are sized, never an `<svg>` nested inside a
  /// picture (charts clip their curves with one).
  public static let printStylesheet = """
    @page { margin: 15mm; }
    :root { color-scheme: light; }
    body {
      margin: 2rem auto;
      padding: 0 1.25rem;
      max-width: 48rem;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans", "Liberation Sans", sans-serif;
      font-size: 11pt;
      line-height: 1.5;
      color: #1a1a1a;
      background: #ffffff;
    }
    h1, h2, h3, h4, h5, h6 {
      line-height: 1.25;
      margin: 1.4em 0 0.5em;
      break-after: avoid;
      page-break-after: avoid;
    }
    h1 { font-size: 1.75em; margin-top: 0; }
    h2 { font-size: 1.35em; padding-bottom: 0.2em; border-bottom: 1px solid #cccccc; }
    h3 { font-size: 1.15em; }
    p, ul, ol, dl, pre, table { margin: 0 0 0.8em; }
    p, li, dd { orphans: 3; widows: 3; }
    code, pre {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono",
        "DejaVu Sans Mono", monospace;
      font-size: 0.9em;
    }
    code { padding: 0.05em 0.3em; border-radius: 3px; background: #f0f0f0; }
    pre {
      padding: 0.6em 0.8em;
      border: 1px solid #d9d9d9;
      background: #f7f7f7;
      line-height: 1.25;
      white-space: pre;
      overflow-x: auto;
    }
    figure { margin: 1em 0 1.4em; }
    :is(main, section, figure, li, dd, td, div) > svg {
      display: block;
      max-width: 100%;
      height: auto;
      margin: 0 auto;
    }
    figcaption { margin-top: 0.4em; font-size: 0.9em; color: #444444; text-align: center; }
    table { border-collapse: collapse; }
    caption { padding-bottom: 0.3em; font-weight: 600; text-align: left; }
    th, td {
      padding: 0.25em 0.6em;
      border: 1px solid #b3b3b3;
      text-align: left;
      vertical-align: top;
    }
    th { background: #eeeeee; }
    dt { font-weight: 600; }
    dd { margin: 0 0 0.5em 1.5em; }
    .exercise {
      margin: 1.2em 0;
      padding: 0.8em 1em;
      border: 1px solid #999999;
      border-radius: 4px;
    }
    .exercise > :first-child { margin-top: 0; }
    .exercise > :last-child { margin-bottom: 0; }
    .answer-lines { margin: 0.4em 0 0.2em; }
    .answer-line { height: 2em; border-bottom: 1px solid #8c8c8c; }
    .page-break { break-before: page; page-break-before: always; }
    figure, table, tr, pre, .exercise { break-inside: avoid; page-break-inside: avoid; }
    @media print {
      body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; }
      code, pre, th { background: none; }
    }
    """
}
